using System.Text.Json.Serialization;

namespace Berth.Runtime.Shim;

/// <summary>
/// One request on shim.sock: a JSON line; the shim answers with one <see cref="ShimResponse"/> line and closes.
/// Operations: <c>state</c>, <c>kill</c> (signal, all; with execId: that exec's process), <c>wait</c> (answered
/// when the container has exited), <c>resize</c> (height, width; execId for an exec's terminal), and the streaming ops <c>attach</c> (stdin) and
/// <c>exec</c> (execId, process, tty, stdin): after the response line the connection carries
/// <see cref="ShimFrame"/>s to the daemon and raw stdin bytes from it. A shim that does not know an op answers ok=false.
/// </summary>
public sealed class ShimRequest
{
    public const string State = "state";
    public const string Kill = "kill";
    public const string Wait = "wait";
    public const string Resize = "resize";
    public const string Attach = "attach";
    public const string Exec = "exec";

    /// <summary>Ops whose connection stays open for streams after the response line.</summary>
    public static bool IsStreaming(string op) => op is Attach or Exec;

    [JsonPropertyName("op")] public string Op { get; set; } = "";
    [JsonPropertyName("signal")] public int Signal { get; set; }
    [JsonPropertyName("all")] public bool All { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonPropertyName("stdin")] public bool Stdin { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonPropertyName("tty")] public bool Tty { get; set; }
    [JsonPropertyName("execId")] public string? ExecId { get; set; }

    /// <summary>For exec: path of the OCI process JSON the daemon wrote for <c>runc exec --process</c>.</summary>
    [JsonPropertyName("process")] public string? Process { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonPropertyName("height")] public int Height { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    [JsonPropertyName("width")] public int Width { get; set; }
}
