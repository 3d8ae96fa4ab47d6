using Berth.Core;

namespace Berth.Core.Content;

/// <summary>The content-addressed blob store: read, ingest, list, delete (ARCHITECTURE.md §3).</summary>
public interface IContentStore : IContentProvider, IContentIngester
{
    Task<IReadOnlyList<ContentInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a blob; false when it was not there.</summary>
    Task<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken);
}
