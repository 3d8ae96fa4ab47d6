using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;

namespace Berth.Engine.Archives;

public sealed partial class ImageArchiveService
{
    public async Task<IReadOnlyList<LoadedImage>> LoadAsync(Stream archive, CancellationToken cancellationToken)
    {
        var content = images.Content;
        var contents = await ArchiveReader.ReadAsync(archive, content, cancellationToken).ConfigureAwait(false);
        var created = new List<Digest>();
        var keep = new HashSet<Digest>();
        try
        {
            var candidates = await PlanAsync(contents, content, cancellationToken).ConfigureAwait(false);
            var loaded = new List<LoadedImage>();
            foreach (var candidate in candidates)
            {
                var existed = images.TryGet(candidate.ConfigDigest.ToString()) is not null;
                var record = await images.RegisterAsync(candidate.ManifestDigest, candidate.References, cancellationToken).ConfigureAwait(false);
                if (!existed) created.Add(record.Id);
                else await KeepBlobsOfAsync(candidate, keep, cancellationToken).ConfigureAwait(false);
                loaded.Add(new LoadedImage(record.Id, candidate.References.Select(r => r.FamiliarString).ToList()));
            }
            // Files of the archive no image uses (older docker's v1 json and VERSION files) are not kept.
            foreach (var candidate in candidates) await KeepBlobsOfAsync(candidate, keep, cancellationToken).ConfigureAwait(false);
            await contents.RemoveNewBlobsAsync(content, keep).ConfigureAwait(false);
            foreach (var image in loaded)
            {
                if (images.TryGet(image.Id.ToString()) is { } record) PublishImageEvent(record, Events.ImageEvents.Load);
            }
            return loaded;
        }
        catch
        {
            // Nothing half-loaded: images this load made go again (with their tags); the blobs it added too.
            foreach (var id in created)
            {
                try { await images.RemoveAsync(id.ToString(), force: true, noPrune: false, CancellationToken.None).ConfigureAwait(false); }
                catch (BerthException) { /* already gone */ }
            }
            await contents.RemoveNewBlobsAsync(content, keep).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The images of the archive. An OCI layout (<c>index.json</c>) is preferred: it holds the original manifests;
    /// <c>manifest.json</c> tags of the same configs are added to it.
    /// </summary>
    private static async Task<List<LoadCandidate>> PlanAsync(ArchiveContents contents, IContentStore content, CancellationToken cancellationToken)
    {
        List<LoadCandidate> candidates;
        if (contents.Metadata.ContainsKey(ArchiveReader.IndexJson))
        {
            candidates = await OciLayoutImages.PlanAsync(contents, content, cancellationToken).ConfigureAwait(false);
            if (contents.Metadata.ContainsKey(ArchiveReader.ManifestJson))
            {
                foreach (var docker in await DockerArchiveImages.PlanAsync(contents, content, cancellationToken).ConfigureAwait(false))
                {
                    var same = candidates.FirstOrDefault(c => c.ConfigDigest == docker.ConfigDigest);
                    if (same is null) candidates.Add(docker);
                    else same.References.AddRange(docker.References.Where(r => !same.References.Contains(r)));
                }
            }
        }
        else if (contents.Metadata.ContainsKey(ArchiveReader.ManifestJson))
        {
            candidates = await DockerArchiveImages.PlanAsync(contents, content, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw BerthException.Invalid("invalid archive: it has neither manifest.json (docker-archive) nor index.json (OCI layout)");
        }
        if (candidates.Count == 0) throw BerthException.Invalid("invalid archive: it holds no image");
        return candidates;
    }

    private async Task KeepBlobsOfAsync(LoadCandidate candidate, HashSet<Digest> keep, CancellationToken cancellationToken)
    {
        keep.Add(candidate.ManifestDigest);
        keep.Add(candidate.ConfigDigest);
        var manifest = JsonSerializer.Deserialize(await images.Content.ReadBlobAsync(candidate.ManifestDigest, cancellationToken).ConfigureAwait(false), OciJsonContext.Default.ImageManifest);
        foreach (var layer in manifest?.Layers ?? []) keep.Add(layer.ParsedDigest());
    }
}
