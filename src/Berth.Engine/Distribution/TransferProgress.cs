namespace Berth.Engine.Distribution;

/// <summary>
/// One progress line of a pull or push, in dockerd's vocabulary (<c>Pulling fs layer</c>, <c>Downloading</c>,
/// <c>Pushed</c>, …). <see cref="Id"/> is a short layer digest or the tag; <see cref="Current"/>/<see cref="Total"/>
/// are bytes; <see cref="HasDetail"/> marks per-layer lines (dockerd sends <c>"progressDetail":{}</c> with them).
/// </summary>
public sealed record TransferProgress(string Status, string? Id = null, long? Current = null, long? Total = null, bool HasDetail = false)
{
    /// <summary>Set on a push's <c>TAG: digest: … size: N</c> line: dockerd follows it with an aux message of these.</summary>
    public PushResult? Pushed { get; init; }

    public static TransferProgress Layer(string id, string status) => new(status, id, HasDetail: true);

    public static TransferProgress Bytes(string id, string status, long current, long total) => new(status, id, current, total, true);
}
