using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Berth.Core;
using Berth.Core.Buffers;
using Berth.Core.Storage;
using Berth.Registry.Http;

namespace Berth.Registry.Storage;

/// <summary>
/// Blob uploads as content-store ingests: a session's bytes are appended to ingest <c>upload-&lt;id&gt;</c> (hashed
/// as they arrive, no fsync until the end), and finishing commits it, which verifies the digest before the blob
/// becomes visible. A session survives a restart (its marker under <c>_uploads/</c>; the ingest resumes at its
/// offset); a crash mid-upload leaves only the ingest, never a visible blob.
/// </summary>
public sealed partial class UploadManager
{
    private const int BufferSize = 1 << 20;
    private readonly RegistryStore _store;
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);

    public UploadManager(RegistryStore store) => _store = store;

    private string MarkerPath(string repository, string id) => Path.Combine(_store.UploadsDirectory(repository), id);

    public async Task<UploadSession> StartAsync(string repository, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("D");
        await AtomicFile.WriteAllBytesAsync(MarkerPath(repository, id),
            Encoding.UTF8.GetBytes(_store.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        var session = new UploadSession(id, repository);
        _sessions[id] = session;
        return session;
    }

    /// <summary>The session, or BLOB_UPLOAD_UNKNOWN; the caller must hold <see cref="UploadSession.Gate"/> to use it.</summary>
    public UploadSession Find(string repository, string id)
    {
        if (!Guid.TryParseExact(id, "D", out _)) throw RegistryException.UploadUnknown(id);
        if (_sessions.TryGetValue(id, out var session))
        {
            if (session.Repository != repository) throw RegistryException.UploadUnknown(id);
            return session;
        }
        if (!File.Exists(MarkerPath(repository, id))) throw RegistryException.UploadUnknown(id);
        return _sessions.GetOrAdd(id, _ => new UploadSession(id, repository));
    }

    /// <summary>Opens (or resumes, after a restart) the session's ingest; call with the gate held.</summary>
    public async Task<long> OffsetAsync(UploadSession session, CancellationToken cancellationToken)
    {
        // Closed by another request while this one waited for the gate, or expired by a gc beside this server.
        if (session.Closed || !File.Exists(MarkerPath(session.Repository, session.Id)))
        {
            await CloseAsync(session).ConfigureAwait(false);
            throw RegistryException.UploadUnknown(session.Id);
        }
        session.Writer ??= await _store.Content.OpenWriterAsync(session.IngestReference, cancellationToken).ConfigureAwait(false);
        return session.Writer.Offset;
    }

    /// <summary>Appends the request body; returns how many bytes it had.</summary>
    public async Task<long> AppendAsync(UploadSession session, Stream body, CancellationToken cancellationToken)
    {
        await OffsetAsync(session, cancellationToken).ConfigureAwait(false);
        var writer = session.Writer!;
        // The next block of the body is read from the socket while this one is hashed and written.
        var total = await PipelinedCopy.CopyAsync(body, writer.WriteAsync, -1, BufferSize, cancellationToken).ConfigureAwait(false);
        return total;
    }

    /// <summary>
    /// Verifies and publishes the upload as <paramref name="expected"/>, then links it into the repository (under
    /// the shared store lock, so gc's sweep cannot interleave). A wrong digest discards the upload: DIGEST_INVALID.
    /// </summary>
    public async Task CompleteAsync(UploadSession session, Digest expected, CancellationToken cancellationToken)
    {
        await OffsetAsync(session, cancellationToken).ConfigureAwait(false);
        var writer = session.Writer!;
        session.Writer = null;
        using var storeLock = await StoreLock.SharedAsync(_store.Root, cancellationToken).ConfigureAwait(false);
        var raced = false;
        try
        {
            await writer.CommitAsync(-1, expected, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.InvalidArgument)
        {
            Forget(session);
            throw RegistryException.DigestInvalid("provided digest did not match uploaded content", e.Message);
        }
        catch (IOException) when (File.Exists(_store.Content.BlobPath(expected)))
        {
            // Another upload of the same blob was published between our existence check and our rename.
            raced = true;
        }
        finally
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
        if (raced) await _store.Content.AbortAsync(session.IngestReference, cancellationToken).ConfigureAwait(false);
        await _store.LinkBlobAsync(session.Repository, expected, cancellationToken).ConfigureAwait(false);
        Forget(session);
    }

    public async Task CancelAsync(UploadSession session, CancellationToken cancellationToken)
    {
        if (session.Writer is { } writer)
        {
            session.Writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
        }
        await _store.Content.AbortAsync(session.IngestReference, cancellationToken).ConfigureAwait(false);
        Forget(session);
    }

    /// <summary>Closes every open ingest writer (the host is stopping); the sessions stay on disk and resume later.</summary>
    public async Task CloseAllAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (session.Writer is { } writer)
                {
                    session.Writer = null;
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                session.Gate.Release();
            }
        }
        _sessions.Clear();
    }

    private async Task CloseAsync(UploadSession session)
    {
        session.Closed = true;
        _sessions.TryRemove(session.Id, out _);
        if (session.Writer is { } writer)
        {
            session.Writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Forget(UploadSession session)
    {
        session.Closed = true;
        _sessions.TryRemove(session.Id, out _);
        var marker = MarkerPath(session.Repository, session.Id);
        if (File.Exists(marker)) File.Delete(marker);
    }
}
