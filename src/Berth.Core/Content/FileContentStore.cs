using System.Globalization;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Berth.Core;
using Berth.Core.Storage;

namespace Berth.Core.Content;

/// <summary>
/// Blobs as files: <c>&lt;dataRoot&gt;/content/blobs/sha256/&lt;hex&gt;</c>, unfinished writes under
/// <c>&lt;dataRoot&gt;/content/ingest/&lt;sha256(ref)&gt;/{ref,data}</c>. A blob appears only by an atomic rename
/// after its digest was verified, so readers never see partial or wrong content.
/// </summary>
public sealed partial class FileContentStore : IContentStore
{
    private readonly string _blobs;
    private readonly string _ingest;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, byte> _openWriters = new(StringComparer.Ordinal);

    public FileContentStore(string dataRoot, TimeProvider time)
    {
        Root = Path.Combine(dataRoot, "content");
        _blobs = Path.Combine(Root, "blobs");
        _ingest = Path.Combine(Root, "ingest");
        _time = time;
        Directory.CreateDirectory(Path.Combine(_blobs, "sha256"));
        Directory.CreateDirectory(_ingest);
    }

    public string Root { get; }

    public string BlobPath(Digest digest) => Path.Combine(_blobs, digest.Algorithm, digest.Encoded);

    public Task<ContentInfo> InfoAsync(Digest digest, CancellationToken cancellationToken)
    {
        var file = new FileInfo(BlobPath(digest));
        if (!file.Exists) throw BerthException.NotFound($"content {digest}: not found");
        return Task.FromResult(new ContentInfo(digest, file.Length, file.LastWriteTimeUtc));
    }

    public Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            Stream s = new FileStream(BlobPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            return Task.FromResult(s);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw BerthException.NotFound($"content {digest}: not found");
        }
    }

    public Task<IReadOnlyList<ContentInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<ContentInfo>();
        foreach (var algorithmDir in Directory.EnumerateDirectories(_blobs))
        {
            var algorithm = Path.GetFileName(algorithmDir);
            foreach (var file in new DirectoryInfo(algorithmDir).EnumerateFiles())
            {
                if (Digest.TryParse($"{algorithm}:{file.Name}", out var d)) result.Add(new ContentInfo(d, file.Length, file.LastWriteTimeUtc));
            }
        }
        return Task.FromResult<IReadOnlyList<ContentInfo>>(result);
    }

    public Task<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken)
    {
        var path = BlobPath(digest);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        AtomicFile.SyncDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public async Task<IContentWriter> OpenWriterAsync(string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference)) throw BerthException.Invalid("ingest reference must not be empty");
        if (!_openWriters.TryAdd(reference, 0))
            throw new BerthException(ErrorKind.Unavailable, $"ref {reference} locked: another write is in progress");
        try
        {
            var dir = IngestDirectory(reference);
            Directory.CreateDirectory(dir);
            var refFile = Path.Combine(dir, "ref");
            if (!File.Exists(refFile))
            {
                await AtomicFile.WriteAllBytesAsync(Path.Combine(dir, "startedat"),
                    Encoding.UTF8.GetBytes(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
                await AtomicFile.WriteAllBytesAsync(refFile, Encoding.UTF8.GetBytes(reference), cancellationToken).ConfigureAwait(false);
            }
            return await IngestWriter.OpenAsync(this, reference, Path.Combine(dir, "data"), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _openWriters.TryRemove(reference, out _);
            throw;
        }
    }

    public Task<IReadOnlyList<IngestStatus>> ListIngestsAsync(CancellationToken cancellationToken) => Task.FromResult(ListIngests());

    private IReadOnlyList<IngestStatus> ListIngests()
    {
        var result = new List<IngestStatus>();
        foreach (var dir in Directory.EnumerateDirectories(_ingest))
        {
            var refFile = Path.Combine(dir, "ref");
            if (!File.Exists(refFile)) continue;
            var data = new FileInfo(Path.Combine(dir, "data"));
            var started = ReadStartedAt(dir) ?? new DateTimeOffset(Directory.GetCreationTimeUtc(dir));
            result.Add(new IngestStatus(File.ReadAllText(refFile), data.Exists ? data.Length : 0, started,
                data.Exists ? data.LastWriteTimeUtc : started));
        }
        return result;
    }

    public Task AbortAsync(string reference, CancellationToken cancellationToken)
    {
        if (_openWriters.ContainsKey(reference))
            throw new BerthException(ErrorKind.Unavailable, $"ref {reference} locked: another write is in progress");
        DeleteDirectory(IngestDirectory(reference));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Start-up cleanup: removes ingests not written since <paramref name="notUpdatedSince"/> (left by a crash)
    /// and directories that never got their ref file, except those <paramref name="keep"/> selects (resumable
    /// downloads). Returns how many were removed.
    /// </summary>
    public int RemoveStaleIngests(DateTimeOffset notUpdatedSince, Func<IngestStatus, bool>? keep = null)
    {
        var removed = 0;
        foreach (var dir in Directory.EnumerateDirectories(_ingest))
        {
            if (!File.Exists(Path.Combine(dir, "ref")))
            {
                DeleteDirectory(dir);
                removed++;
            }
        }
        foreach (var ingest in ListIngests())
        {
            if (ingest.UpdatedAt >= notUpdatedSince || _openWriters.ContainsKey(ingest.Reference) || keep?.Invoke(ingest) == true) continue;
            DeleteDirectory(IngestDirectory(ingest.Reference));
            removed++;
        }
        return removed;
    }

    private string IngestDirectory(string reference) =>
        Path.Combine(_ingest, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference))));

    private static DateTimeOffset? ReadStartedAt(string dir)
    {
        var path = Path.Combine(dir, "startedat");
        return File.Exists(path) && long.TryParse(File.ReadAllText(path), CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    private static void DeleteDirectory(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    /// <summary>Moves verified data into place (rename within one file system), then drops the ingest.</summary>
    private void Publish(string reference, string dataPath, Digest digest)
    {
        var target = BlobPath(digest);
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        if (File.Exists(target)) File.Delete(dataPath);
        else
        {
            Berth.Core.Interop.Errno.ThrowIfError(Berth.Core.Interop.Libc.Chmod(dataPath, 0x124), "chmod", dataPath); // 0444: blobs are immutable
            File.Move(dataPath, target);
            AtomicFile.SyncDirectory(dir);
        }
        DeleteDirectory(IngestDirectory(reference));
    }

    private void Release(string reference) => _openWriters.TryRemove(reference, out _);
}
