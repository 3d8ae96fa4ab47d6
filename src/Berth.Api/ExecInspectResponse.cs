using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Response of <c>GET /exec/{id}/json</c> (<c>ExecInspectResponse</c> in swagger.yaml).</summary>
public sealed class ExecInspectResponse
{
    [JsonPropertyName("CanRemove")]
    public bool CanRemove { get; set; }

    /// <summary>The detach key bytes, base64-encoded (dockerd serialises its byte slice so); empty when not set.</summary>
    [JsonPropertyName("DetachKeys")]
    public string? DetachKeys { get; set; }

    [JsonPropertyName("ID")]
    public string? Id { get; set; }

    [JsonPropertyName("Running")]
    public bool Running { get; set; }

    /// <summary>Null while the process runs (and before it started), as dockerd sends it.</summary>
    [JsonPropertyName("ExitCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? ExitCode { get; set; }

    [JsonPropertyName("ProcessConfig")]
    public ProcessConfig? ProcessConfig { get; set; }

    [JsonPropertyName("OpenStdin")]
    public bool OpenStdin { get; set; }

    [JsonPropertyName("OpenStderr")]
    public bool OpenStderr { get; set; }

    [JsonPropertyName("OpenStdout")]
    public bool OpenStdout { get; set; }

    [JsonPropertyName("ContainerID")]
    public string? ContainerId { get; set; }

    /// <summary>The host PID of the exec process (0 before it started).</summary>
    [JsonPropertyName("Pid")]
    public int Pid { get; set; }
}
