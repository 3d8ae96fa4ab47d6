namespace Berth.Core.Content;

/// <summary>
/// Writes blobs (containerd's content.Ingester). A writer is identified by a caller-chosen reference; reopening
/// an unfinished reference resumes at its <see cref="IContentWriter.Offset"/>. One writer per reference at a
/// time (a second open throws Unavailable).
/// </summary>
public interface IContentIngester
{
    Task<IContentWriter> OpenWriterAsync(string reference, CancellationToken cancellationToken);

    Task<IReadOnlyList<IngestStatus>> ListIngestsAsync(CancellationToken cancellationToken);

    /// <summary>Discards an unfinished write. Missing is fine.</summary>
    Task AbortAsync(string reference, CancellationToken cancellationToken);
}
