using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Content;

namespace Berth.Engine.Archives;

/// <summary>
/// Commits of archive blobs (fsync, rename into the store) that run while the reader goes on with the next tar
/// entries, so the disk flushes one blob while the next is written. At most <see cref="MaxPending"/> run at a
/// time; results are recorded into <see cref="ArchiveContents"/> in archive order (a later entry of the same path
/// wins, as before). Two commits of the same digest never run at once.
/// </summary>
internal sealed class PendingCommits(ArchiveContents contents)
{
    private const int MaxPending = 2;

    private readonly Queue<(Digest Digest, Task<Committed> Task)> _pending = new();

    private sealed record Committed(string Path, ArchiveBlob Blob, bool New);

    /// <summary>Hands the finished writer over: from here on this class disposes it and aborts its ingest.</summary>
    public async Task StartAsync(string path, Digest digest, Compression compression, IContentStore content, IContentWriter writer, string reference,
        CancellationToken cancellationToken)
    {
        try
        {
            while (_pending.Count >= MaxPending || _pending.Any(p => p.Digest == digest)) await CompleteOldestAsync().ConfigureAwait(false);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            await content.AbortAsync(reference, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        _pending.Enqueue((digest, Task.Run(() => CommitAsync(path, digest, compression, content, writer, reference, cancellationToken), CancellationToken.None)));
    }

    /// <summary>Waits for every commit; the first failure is thrown.</summary>
    public async Task DrainAsync()
    {
        while (_pending.Count > 0) await CompleteOldestAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for what still runs after a failure, recording the blobs it stored so they can be removed.</summary>
    public async Task DrainQuietlyAsync()
    {
        while (_pending.Count > 0)
        {
            try { await CompleteOldestAsync().ConfigureAwait(false); }
            catch (Exception) { /* the first failure is the one reported */ }
        }
    }

    private async Task CompleteOldestAsync()
    {
        var (_, task) = _pending.Dequeue();
        var committed = await task.ConfigureAwait(false);
        contents.Files[committed.Path] = committed.Blob;
        if (committed.New) contents.NewBlobs.Add(committed.Blob.Digest);
    }

    private static async Task<Committed> CommitAsync(string path, Digest digest, Compression compression, IContentStore content, IContentWriter writer,
        string reference, CancellationToken cancellationToken)
    {
        try
        {
            await using (writer.ConfigureAwait(false))
            {
                var size = writer.Offset;
                var existed = await content.ExistsAsync(digest, cancellationToken).ConfigureAwait(false);
                await writer.CommitAsync(size, digest, cancellationToken).ConfigureAwait(false);
                return new Committed(path, new ArchiveBlob(digest, size, compression), !existed);
            }
        }
        finally
        {
            await content.AbortAsync(reference, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
