using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Events;
using Berth.Engine.Images;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Distribution;

/// <summary>
/// <c>docker push</c>: for each tag of the repository (or the one named), puts every layer the registry lacks
/// (HEAD first; mounted from another repository of the same registry that a local image came from; else
/// uploaded, at most max-concurrent-uploads at a time), the config, then the image's stored manifest, byte
/// for byte, so the digest is the one the image already has. Progress lines are dockerd's.
/// </summary>
public sealed partial class PushService
{
    private readonly IImageService _images;
    private readonly IRegistryClient _registry;
    private readonly RegistryEndpoints _endpoints;
    private readonly IEventPublisher _events;
    private readonly ILogger<PushService> _logger;
    private readonly SemaphoreSlim _uploads;

    public PushService(IImageService images, IRegistryClient registry, RegistryEndpoints endpoints, IEventPublisher events, ILogger<PushService> logger)
    {
        _images = images;
        _registry = registry;
        _endpoints = endpoints;
        _events = events;
        _logger = logger;
        _uploads = new SemaphoreSlim(Math.Max(1, endpoints.Configuration.MaxConcurrentUploads));
    }

    /// <param name="reference">A repository with a tag (push that tag) or without one (push all its tags).</param>
    public async Task<IReadOnlyList<PushResult>> PushAsync(ImageReference reference, RegistryCredentials? credentials, IProgress<TransferProgress> progress,
        CancellationToken cancellationToken)
    {
        if (reference.IsCanonical) throw BerthException.Invalid("cannot push a digest reference");
        var tags = TagsToPush(reference);
        progress.Report(new TransferProgress($"The push refers to repository [{reference.Name}]"));
        var endpoint = await _endpoints.UpstreamAsync(reference.Domain, cancellationToken).ConfigureAwait(false);
        var repository = new RegistryRepository(endpoint, reference.Path, credentials, Push: true);
        var results = new List<PushResult>();
        foreach (var tag in tags)
        {
            var image = _images.Get(tag.ToString());
            var result = await PushTagAsync(repository, tag, image, progress, cancellationToken).ConfigureAwait(false);
            progress.Report(new TransferProgress($"{result.Tag}: digest: {result.Digest} size: {result.Size}") { Pushed = result });
            results.Add(result);
            _events.PublishImageEvent(tag.FamiliarString, tag.FamiliarName, ImageEvents.Push, image.Config.Config?.Labels);
            DistributionLog.Pushed(_logger, tag.ToString(), result.Digest.ToString());
        }
        return results;
    }

    private List<ImageReference> TagsToPush(ImageReference reference)
    {
        if (reference.Tag is not null)
        {
            if (_images.TryGet(reference.ToString()) is null)
                throw BerthException.NotFound($"An image does not exist locally with the tag: {reference.FamiliarString}");
            return [reference];
        }
        var tags = _images.List()
            .SelectMany(i => i.RepoTags)
            .Select(ImageReference.Parse)
            .Where(r => r.Name == reference.Name && r.Tag is not null)
            .OrderBy(r => r.Tag, StringComparer.Ordinal)
            .ToList();
        if (tags.Count == 0) throw BerthException.NotFound($"An image does not exist locally with the tag: {reference.FamiliarName}");
        return tags;
    }

    private async Task<PushResult> PushTagAsync(RegistryRepository repository, ImageReference tag, ImageRecord image, IProgress<TransferProgress> progress,
        CancellationToken cancellationToken)
    {
        var manifestDigest = image.ManifestDigest ?? throw BerthException.Invalid($"image {tag.FamiliarString} has no manifest to push");
        var manifestBytes = await _images.Content.ReadBlobAsync(manifestDigest, cancellationToken).ConfigureAwait(false);
        ImageManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, OciJsonContext.Default.ImageManifest) ?? throw BerthException.Invalid("empty manifest");
        }
        catch (JsonException e)
        {
            throw new BerthException($"the stored manifest of {tag.FamiliarString} is not valid JSON: {e.Message}");
        }

        var diffIds = image.Config.RootFs.DiffIds;
        var layers = new List<(Descriptor Blob, string Id)>();
        for (var i = manifest.Layers.Count - 1; i >= 0; i--)
        {
            var id = (i < diffIds.Count && Digest.TryParse(diffIds[i], out var diffId) ? diffId : manifest.Layers[i].ParsedDigest()).Short;
            if (layers.Any(l => l.Blob.Digest == manifest.Layers[i].Digest)) continue;
            layers.Add((manifest.Layers[i], id));
            progress.Report(TransferProgress.Layer(id, "Preparing"));
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sources = new Lazy<Task<Dictionary<Digest, List<string>>>>(() => MountSourcesAsync(repository, cancellationToken));
        await Task.WhenAll(layers.Select(l => PushLayerAsync(repository, l.Blob, l.Id, sources, progress, failed))).ConfigureAwait(false);
        await PushBlobAsync(repository, manifest.Config, null, null, cancellationToken).ConfigureAwait(false);

        var mediaType = manifest.MediaType ?? MediaTypes.OciManifest;
        var digest = await _registry.PutManifestAsync(repository, tag.Tag!, mediaType, manifestBytes, cancellationToken).ConfigureAwait(false);
        return new PushResult(tag.Tag!, digest, manifestBytes.Length);
    }

    private async Task PushLayerAsync(RegistryRepository repository, Descriptor layer, string id,
        Lazy<Task<Dictionary<Digest, List<string>>>> sources, IProgress<TransferProgress> progress, CancellationTokenSource failed)
    {
        var token = failed.Token;
        try
        {
            if (!_uploads.Wait(0))
            {
                progress.Report(TransferProgress.Layer(id, "Waiting"));
                await _uploads.WaitAsync(token).ConfigureAwait(false);
            }
            try
            {
                var digest = layer.ParsedDigest();
                if (await _registry.StatBlobAsync(repository, digest, token).ConfigureAwait(false) is not null)
                {
                    progress.Report(TransferProgress.Layer(id, "Layer already exists"));
                    return;
                }
                var candidates = (await sources.Value.ConfigureAwait(false)).GetValueOrDefault(digest) ?? [];
                var mounted = await PushBlobAsync(repository, layer, candidates.FirstOrDefault(),
                    sent => progress.Report(TransferProgress.Bytes(id, "Pushing", sent, layer.Size)), token).ConfigureAwait(false);
                progress.Report(mounted is null ? TransferProgress.Layer(id, "Pushed") : TransferProgress.Layer(id, $"Mounted from {mounted}"));
            }
            finally
            {
                _uploads.Release();
            }
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Puts one blob unless the registry has it; returns the repository it was mounted from, or null.</summary>
    private async Task<string?> PushBlobAsync(RegistryRepository repository, Descriptor blob, string? mountFrom, Action<long>? progress,
        CancellationToken cancellationToken)
    {
        var digest = blob.ParsedDigest();
        var info = await _images.Content.InfoAsync(digest, cancellationToken).ConfigureAwait(false);
        if (progress is null && await _registry.StatBlobAsync(repository, digest, cancellationToken).ConfigureAwait(false) is not null) return null;
        var mounted = await _registry.PutBlobAsync(repository, digest, info.Size, ct => _images.Content.OpenReadAsync(digest, ct), mountFrom,
            progress, cancellationToken).ConfigureAwait(false);
        return mounted ? mountFrom : null;
    }

    /// <summary>
    /// Other repositories of the same registry that local images came from (their <c>name@digest</c>
    /// references), by the layer blobs of those images: cross-repository mount candidates.
    /// </summary>
    private async Task<Dictionary<Digest, List<string>>> MountSourcesAsync(RegistryRepository repository, CancellationToken cancellationToken)
    {
        var sources = new Dictionary<Digest, List<string>>();
        var domain = repository.Endpoint.Authority;
        foreach (var image in _images.List())
        {
            if (image.ManifestDigest is not { } manifestDigest) continue;
            var repos = image.RepoDigests.Concat(image.RepoTags)
                .Select(r => ImageReference.TryParse(r, out var parsed, out _) ? parsed : null)
                .Where(r => r is not null && r.Path != repository.Name && SameRegistry(r.Domain, domain))
                .Select(r => r!.Path)
                .Distinct()
                .ToList();
            if (repos.Count == 0) continue;
            ImageManifest? manifest;
            try
            {
                manifest = JsonSerializer.Deserialize(await _images.Content.ReadBlobAsync(manifestDigest, cancellationToken).ConfigureAwait(false),
                    OciJsonContext.Default.ImageManifest);
            }
            catch (Exception e) when (e is JsonException or BerthException)
            {
                continue;
            }
            foreach (var layer in manifest?.Layers ?? [])
            {
                if (!Digest.TryParse(layer.Digest, out var d)) continue;
                if (!sources.TryGetValue(d, out var list)) sources[d] = list = [];
                list.AddRange(repos.Where(r => !list.Contains(r)));
            }
        }
        return sources;
    }

    private static bool SameRegistry(string domain, string authority) =>
        string.Equals(domain, authority, StringComparison.OrdinalIgnoreCase)
        || (domain == ImageReference.DefaultDomain && authority == new Uri(RegistryEndpoints.DockerHubRegistry).Authority);
}
