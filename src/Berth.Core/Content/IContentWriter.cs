using Berth.Core;

namespace Berth.Core.Content;

/// <summary>An open ingest. Nothing is visible to readers until <see cref="CommitAsync"/> verifies it.</summary>
public interface IContentWriter : IAsyncDisposable
{
    string Reference { get; }

    /// <summary>Bytes written so far, including those of an earlier, resumed session.</summary>
    long Offset { get; }

    /// <summary>The digest of the bytes written so far.</summary>
    Digest CurrentDigest { get; }

    Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies size (when <paramref name="size"/> ≥ 0) and digest (when <paramref name="expected"/> is set),
    /// then atomically moves the blob into place and returns its digest. A blob already present is fine.
    /// A mismatch throws InvalidArgument and discards the ingest: nothing becomes visible.
    /// </summary>
    Task<Digest> CommitAsync(long size, Digest? expected, CancellationToken cancellationToken);
}
