using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Body of <c>POST /exec/{id}/start</c> (<c>ExecStartConfig</c> in swagger.yaml).</summary>
public sealed class ExecStartConfig
{
    [JsonPropertyName("Detach")]
    public bool Detach { get; set; }

    [JsonPropertyName("Tty")]
    public bool Tty { get; set; }

    /// <summary>Initial console size as [height, width].</summary>
    [JsonPropertyName("ConsoleSize")]
    public List<int>? ConsoleSize { get; set; }
}
