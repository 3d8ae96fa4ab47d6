namespace Berth.Engine.Containers;

/// <summary>
/// One mount of a container as planned at create and kept in its record: a bind of a host path, a volume
/// (<see cref="Name"/>, mounted from its directory <see cref="Source"/>) or a tmpfs. <see cref="Mode"/> is the
/// mode text as given (<c>ro</c>, <c>z</c>, …) for inspect.
/// </summary>
public sealed record ContainerMount
{
    public const string Bind = "bind";
    public const string Volume = "volume";
    public const string Tmpfs = "tmpfs";

    public required string Type { get; init; }
    /// <summary>Host path (bind, volume); empty for tmpfs.</summary>
    public required string Source { get; init; }
    public required string Destination { get; init; }
    /// <summary>The volume's name (volume mounts only).</summary>
    public string? Name { get; init; }
    public bool ReadOnly { get; init; }
    public string Mode { get; init; } = "";
    /// <summary>rprivate unless asked otherwise (binds only).</summary>
    public string Propagation { get; init; } = "rprivate";
    /// <summary>Volumes: do not copy the image's content at the destination into an empty volume.</summary>
    public bool NoCopy { get; init; }
    /// <summary>tmpfs mount options (<c>size=64m</c>, <c>mode=1777</c>).</summary>
    public IReadOnlyList<string> TmpfsOptions { get; init; } = [];
    /// <summary>Anonymous volumes go with the container on <c>rm -v</c>.</summary>
    public bool AnonymousVolume { get; init; }
}
