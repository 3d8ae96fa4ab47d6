namespace Berth.Engine.Volumes;

/// <summary>
/// A volume of the <c>local</c> driver: a directory <see cref="Mountpoint"/> under the data root that outlives
/// the containers mounting it. Anonymous volumes (named by a random 64-hex ID) come from an image's VOLUME or a
/// <c>-v /path</c> without a source, and go with their container on <c>rm -v</c>.
/// </summary>
public sealed record VolumeRecord(
    string Name,
    string Driver,
    string Mountpoint,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options,
    bool Anonymous);
