using Berth.Core;
using Berth.Core.Interop;
using Berth.Core.Storage;

namespace Berth.Core.Content;

public sealed partial class FileContentStore
{
    /// <summary>
    /// Writes a small blob held in memory (configs, manifests) without a resumable ingest: its digest is computed
    /// from the bytes first (a blob already present is not written again), then the bytes go to a temp file in a
    /// ref-less ingest directory (removed at start-up when a crash leaves it), fsynced, made read-only and renamed
    /// into place. Two fsyncs (file, blob directory) instead of the six of an ingest with ref and startedat.
    /// </summary>
    public async Task<Digest> WriteBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var digest = Digest.Compute(data.Span);
        var target = BlobPath(digest);
        if (File.Exists(target)) return digest;
        var dir = Path.Combine(_ingest, $"put-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var temp = Path.Combine(dir, "data");
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            Errno.ThrowIfError(Libc.Chmod(temp, 0x124), "chmod", temp); // 0444: blobs are immutable
            // Same digest, same bytes: replacing a blob another writer just put is harmless.
            File.Move(temp, target, overwrite: true);
            AtomicFile.SyncDirectory(Path.GetDirectoryName(target)!);
            return digest;
        }
        finally
        {
            DeleteDirectory(dir);
        }
    }
}
