using Berth.Core;

namespace Berth.Core.Content;

/// <summary>The content-addressed blob store: read, ingest, list, delete (ARCHITECTURE.md §3).</summary>
public interface IContentStore : IContentProvider, IContentIngester
{
    Task<IReadOnlyList<ContentInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a small blob held in memory (configs, manifests) in one go, verified by the digest of its bytes;
    /// returns that digest. A blob already present is not written again.
    /// </summary>
    Task<Digest> WriteBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Deletes a blob; false when it was not there.</summary>
    Task<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken);
}
