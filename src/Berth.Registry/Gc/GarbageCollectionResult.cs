using Berth.Core.Content;

namespace Berth.Registry.Gc;

/// <summary>What a collection found: blobs kept alive by manifests, and what it removed (or, dry, would remove).</summary>
public sealed record GarbageCollectionResult(int Referenced, int Young, IReadOnlyList<ContentInfo> Removed, bool DryRun)
{
    public long BytesFreed => Removed.Sum(r => r.Size);

    /// <summary>Abandoned uploads removed (none in a dry run).</summary>
    public int ExpiredUploads { get; init; }
}
