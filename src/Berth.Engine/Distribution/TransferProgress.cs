namespace Berth.Engine.Distribution;

/// <summary>
/// One progress line of a pull or push, in dockerd's vocabulary (<c>Pulling fs layer</c>, <c>Downloading</c>,
/// <c>Pushed</c>, …). <see cref="Id"/> is a short layer digest or the tag; <see cref="Current"/>/<see cref="Total"/>
/// are bytes; <see cref="HasDetail"/> marks per-layer lines (dockerd sends <c>"progressDetail":{}</c> with them).
/// </summary>
public sealed record TransferProgress(string Status, string? Id = null, long? Current = null, long? Total = null, bool HasDetail = false)
{
    public static TransferProgress Layer(string id, string status) => new(status, id, HasDetail: true);

    public static TransferProgress Bytes(string id, string status, long current, long total) => new(status, id, current, total, true);
}
