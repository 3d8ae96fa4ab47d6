using Berth.Core;
using Berth.Core.Content;

namespace Berth.Engine.Archives;

/// <summary>
/// What <see cref="ArchiveReader"/> found: the small metadata files in memory, every other regular file as a
/// content-store blob, and links between archive paths. Remembers which blobs the load added to the store, so
/// a failed load can take them out again.
/// </summary>
public sealed class ArchiveContents
{
    private const int MaxLinkHops = 16;

    public Dictionary<string, byte[]> Metadata { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ArchiveBlob> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Symlinks and hard links: archive path → the archive path they point to.</summary>
    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>Blobs that were not in the content store before this load.</summary>
    public HashSet<Digest> NewBlobs { get; } = [];

    /// <summary>The blob at an archive path, following links; null when missing.</summary>
    public ArchiveBlob? Find(string path)
    {
        path = ArchivePath.Normalize(path);
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            if (Files.TryGetValue(path, out var blob)) return blob;
            if (!Links.TryGetValue(path, out var target)) return null;
            path = target;
        }
        throw BerthException.Invalid($"invalid archive: too many levels of links at {path}");
    }

    /// <summary>Deletes the blobs this load added that <paramref name="keep"/> does not name.</summary>
    public async Task RemoveNewBlobsAsync(IContentStore content, IReadOnlySet<Digest> keep)
    {
        foreach (var digest in NewBlobs)
        {
            if (!keep.Contains(digest)) await content.DeleteAsync(digest, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
