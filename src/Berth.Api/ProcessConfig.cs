using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>An exec's process as <c>GET /exec/{id}/json</c> shows it (<c>ProcessConfig</c> in swagger.yaml).</summary>
public sealed class ProcessConfig
{
    [JsonPropertyName("privileged")]
    public bool Privileged { get; set; }

    [JsonPropertyName("user")]
    public string? User { get; set; }

    [JsonPropertyName("tty")]
    public bool Tty { get; set; }

    [JsonPropertyName("entrypoint")]
    public string? Entrypoint { get; set; }

    [JsonPropertyName("arguments")]
    public List<string>? Arguments { get; set; }
}
