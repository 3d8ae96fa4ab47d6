using Berth.Core;

namespace Berth.Registry.Storage;

public sealed partial class UploadManager
{
    /// <summary>Abandoned uploads go after this long without a byte written (the reference registry's purge age).</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(7);

    /// <summary>
    /// Removes abandoned uploads: sessions (markers) whose ingest was last written, or, without bytes yet, that
    /// started more than <paramref name="maxAge"/> ago, and upload ingests left without a marker as long. A
    /// session a request of this process is using right now is skipped (its gate is held). Safe beside a server
    /// in another process: that server answers BLOB_UPLOAD_UNKNOWN for a session whose marker went. Returns how
    /// many uploads were removed.
    /// </summary>
    public async Task<int> ExpireAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var cutoff = _store.Time.GetUtcNow() - maxAge;
        var ingests = (await _store.Content.ListIngestsAsync(cancellationToken).ConfigureAwait(false))
            .Where(i => i.Reference.StartsWith(UploadSession.IngestPrefix, StringComparison.Ordinal))
            .ToDictionary(i => i.Reference, StringComparer.Ordinal);
        var expired = 0;
        var markers = _store.ListUploadMarkers();
        foreach (var marker in markers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lastActive = ingests.TryGetValue(marker.IngestReference, out var ingest) ? Max(ingest.UpdatedAt, marker.StartedAt) : marker.StartedAt;
            if (lastActive >= cutoff) continue;
            if (await ExpireSessionAsync(marker).ConfigureAwait(false)) expired++;
        }

        // Ingests whose session is gone (a crash between removing the marker and the ingest).
        var sessions = markers.Select(m => m.IngestReference).ToHashSet(StringComparer.Ordinal);
        foreach (var ingest in ingests.Values)
        {
            if (sessions.Contains(ingest.Reference) || ingest.UpdatedAt >= cutoff) continue;
            if (await TryAbortAsync(ingest.Reference).ConfigureAwait(false)) expired++;
        }
        return expired;
    }

    private async Task<bool> ExpireSessionAsync(UploadMarker marker)
    {
        if (_sessions.TryGetValue(marker.Id, out var session))
        {
            if (!session.Gate.Wait(0)) return false; // a request is using it: not abandoned
            try
            {
                await CloseAsync(session).ConfigureAwait(false);
                if (!await TryAbortAsync(marker.IngestReference).ConfigureAwait(false)) return false;
                DeleteMarker(marker);
                return true;
            }
            finally
            {
                session.Gate.Release();
            }
        }
        if (!await TryAbortAsync(marker.IngestReference).ConfigureAwait(false)) return false;
        DeleteMarker(marker);
        return true;
    }

    private async Task<bool> TryAbortAsync(string reference)
    {
        try
        {
            await _store.Content.AbortAsync(reference, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (BerthException e) when (e.Kind == ErrorKind.Unavailable)
        {
            return false; // written right now by this process
        }
    }

    private void DeleteMarker(UploadMarker marker)
    {
        var path = MarkerPath(marker.Repository, marker.Id);
        if (File.Exists(path)) File.Delete(path);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
