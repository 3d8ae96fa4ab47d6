using System.Security.Cryptography;
using Berth.Core;

namespace Berth.Core.Content;

public sealed partial class FileContentStore
{
    /// <summary>Appends to the ingest's data file, hashing as it goes; resuming rehashes what is already there.</summary>
    private sealed class IngestWriter : IContentWriter
    {
        private readonly FileContentStore _store;
        private readonly FileStream _file;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly string _dataPath;
        private bool _done;

        private IngestWriter(FileContentStore store, string reference, string dataPath, FileStream file)
        {
            _store = store;
            Reference = reference;
            _dataPath = dataPath;
            _file = file;
        }

        public string Reference { get; }

        public long Offset { get; private set; }

        public Digest CurrentDigest => Digest.FromSha256Hash(_hash.GetCurrentHash());

        public static async Task<IngestWriter> OpenAsync(FileContentStore store, string reference, string dataPath, CancellationToken cancellationToken)
        {
            var file = new FileStream(dataPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var writer = new IngestWriter(store, reference, dataPath, file);
            try
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    writer._hash.AppendData(buffer, 0, n);
                    writer.Offset += n;
                }
                return writer;
            }
            catch
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            // The write runs on the thread pool while this thread hashes the same (unchanged) bytes.
            var write = _file.WriteAsync(data, cancellationToken);
            _hash.AppendData(data.Span);
            await write.ConfigureAwait(false);
            Offset += data.Length;
        }

        public async Task<Digest> CommitAsync(long size, Digest? expected, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            var digest = Digest.FromSha256Hash(_hash.GetHashAndReset());
            // Bytes of a blob already present are discarded by Publish: only new content is made durable.
            if (!File.Exists(_store.BlobPath(digest))) _file.Flush(flushToDisk: true);
            await _file.DisposeAsync().ConfigureAwait(false);
            _done = true;
            try
            {
                if (size >= 0 && size != Offset)
                    throw BerthException.Invalid($"unexpected commit size {Offset}, expected {size}");
                if (expected is { } e && e != digest)
                    throw BerthException.Invalid($"unexpected commit digest {digest}, expected {e}");
                _store.Publish(Reference, _dataPath, digest);
                return digest;
            }
            catch (BerthException)
            {
                // Wrong content is worthless for a resume; discard so nothing of it lingers.
                DeleteDirectory(Path.GetDirectoryName(_dataPath)!);
                throw;
            }
            finally
            {
                _hash.Dispose();
                _store.Release(Reference);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_done) return;
            _done = true;
            await _file.DisposeAsync().ConfigureAwait(false);
            _hash.Dispose();
            _store.Release(Reference);
        }
    }
}
