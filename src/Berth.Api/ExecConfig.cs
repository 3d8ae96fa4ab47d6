using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Body of <c>POST /containers/{id}/exec</c> (<c>ExecConfig</c> in swagger.yaml).</summary>
public sealed class ExecConfig
{
    [JsonPropertyName("AttachStdin")]
    public bool AttachStdin { get; set; }

    [JsonPropertyName("AttachStdout")]
    public bool AttachStdout { get; set; }

    [JsonPropertyName("AttachStderr")]
    public bool AttachStderr { get; set; }

    /// <summary>Initial console size as [height, width].</summary>
    [JsonPropertyName("ConsoleSize")]
    public List<int>? ConsoleSize { get; set; }

    [JsonPropertyName("DetachKeys")]
    public string? DetachKeys { get; set; }

    [JsonPropertyName("Tty")]
    public bool Tty { get; set; }

    [JsonPropertyName("Env")]
    public List<string>? Env { get; set; }

    [JsonPropertyName("Cmd")]
    public List<string>? Cmd { get; set; }

    [JsonPropertyName("Privileged")]
    public bool Privileged { get; set; }

    [JsonPropertyName("User")]
    public string? User { get; set; }

    [JsonPropertyName("WorkingDir")]
    public string? WorkingDir { get; set; }
}
