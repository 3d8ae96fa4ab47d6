using Berth.Core;
using Berth.Registry.Http;
using Berth.Registry.Storage;

namespace Berth.Registry.Gc;

/// <summary>
/// Mark and sweep over a registry root, safe while a server keeps serving it. Mark: every manifest of every
/// repository and what it references (config, layers, index children, subject). Sweep: committed blobs that are
/// unmarked, older than the grace period, and not linked into any repository within it. Uploads in flight are
/// ingests, never blobs, so the sweep never touches them; uploads abandoned for longer than the upload max age
/// (<see cref="UploadManager.DefaultMaxAge"/> unless given) are removed first. The whole pass holds <see cref="StoreLock"/> exclusively; the
/// server holds it shared while it links blobs and writes manifests, so a manifest is either seen by the mark or
/// written after the sweep (when its missing blobs are refused with MANIFEST_BLOB_UNKNOWN).
/// </summary>
public static class GarbageCollector
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(1);

    public static async Task<GarbageCollectionResult> CollectAsync(RegistryStore store, TimeSpan grace, bool dryRun, CancellationToken cancellationToken,
        TimeSpan? uploadMaxAge = null)
    {
        using var storeLock = await StoreLock.ExclusiveAsync(store.Root, cancellationToken).ConfigureAwait(false);
        var expiredUploads = dryRun ? 0 : await new UploadManager(store).ExpireAsync(uploadMaxAge ?? UploadManager.DefaultMaxAge, cancellationToken).ConfigureAwait(false);
        var now = store.Time.GetUtcNow();
        var marked = new HashSet<Digest>();
        var recentlyLinked = new HashSet<Digest>();
        var repositories = store.ListRepositories();
        foreach (var repository in repositories)
        {
            foreach (var (digest, linkedAt) in store.ListBlobLinks(repository))
            {
                if (now - linkedAt < grace) recentlyLinked.Add(digest);
            }
            foreach (var digest in store.ListManifests(repository))
            {
                marked.Add(digest);
                var manifest = await store.ManifestAsync(repository, digest, cancellationToken).ConfigureAwait(false);
                if (manifest is null) continue;
                ParsedManifest parsed;
                try
                {
                    parsed = ManifestParser.Parse(await store.ReadManifestBytesAsync(digest, cancellationToken).ConfigureAwait(false), manifest.MediaType);
                }
                catch (RegistryException)
                {
                    continue; // unreadable: keep the manifest, mark nothing more
                }
                foreach (var reference in parsed.References())
                {
                    if (Digest.TryParse(reference.Digest, out var d)) marked.Add(d);
                }
            }
        }

        var removed = new List<Berth.Core.Content.ContentInfo>();
        var young = 0;
        foreach (var blob in await store.Content.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (marked.Contains(blob.Digest)) continue;
            if (now - blob.CreatedAt < grace || recentlyLinked.Contains(blob.Digest))
            {
                young++;
                continue;
            }
            removed.Add(blob);
            if (!dryRun) await store.Content.DeleteAsync(blob.Digest, cancellationToken).ConfigureAwait(false);
        }
        if (!dryRun && removed.Count > 0)
        {
            var gone = removed.Select(r => r.Digest).ToHashSet();
            foreach (var repository in repositories)
            {
                foreach (var (digest, _) in store.ListBlobLinks(repository).ToList())
                {
                    if (gone.Contains(digest)) store.UnlinkBlob(repository, digest);
                }
            }
        }
        return new GarbageCollectionResult(marked.Count, young, removed, dryRun) { ExpiredUploads = expiredUploads };
    }
}
