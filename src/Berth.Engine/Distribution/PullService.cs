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
/// <c>docker pull</c>: resolves a reference at the registry (mirrors first), picks the platform's manifest
/// from an index, downloads config and layers into the content store (bounded parallelism, verified,
/// resumable), then registers the image with <see cref="IImageService.RegisterAsync"/> under the tag and
/// <c>name@digest</c>. Reports progress with dockerd's messages and publishes the <c>pull</c> event.
/// </summary>
public sealed partial class PullService
{
    private readonly IImageService _images;
    private readonly IRegistryClient _registry;
    private readonly RegistryEndpoints _endpoints;
    private readonly IEventPublisher _events;
    private readonly ILogger<PullService> _logger;
    private readonly TimeProvider _time;
    private BlobDownloader? _downloader;
    private readonly SemaphoreSlim _downloads;

    public PullService(IImageService images, IRegistryClient registry, RegistryEndpoints endpoints, IEventPublisher events, TimeProvider time,
        ILogger<PullService> logger)
    {
        _images = images;
        _registry = registry;
        _endpoints = endpoints;
        _events = events;
        _logger = logger;
        _time = time;
        _downloads = new SemaphoreSlim(Math.Max(1, endpoints.Configuration.MaxConcurrentDownloads));
    }

    /// <summary>Made on first use: the content store is opened with the image service, not before.</summary>
    private BlobDownloader Downloader => _downloader ??= new BlobDownloader(_registry, _images.Content, _time, _logger);

    public async Task<PullResult> PullAsync(ImageReference reference, string? platform, RegistryCredentials? credentials,
        IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
        reference = reference.WithDefaultTag();
        var wanted = PlatformSpec.Parse(platform);
        var tagOrDigest = reference.Digest?.ToString() ?? reference.Tag!;
        var (repository, top) = await ResolveAsync(reference, tagOrDigest, credentials, cancellationToken).ConfigureAwait(false);
        // dockerd says so once the registry answered: a missing manifest is an ordinary 404, not an in-stream error.
        progress.Report(new TransferProgress($"Pulling from {reference.Path}", reference.Tag ?? reference.Digest.ToString()));
        var manifestBytes = top;
        if (MediaTypes.IsIndex(top.MediaType))
        {
            var index = Parse(top.Bytes, OciJsonContext.Default.ImageIndex, "image index");
            var chosen = PlatformSelector.Select(index, wanted);
            manifestBytes = await _registry.GetManifestAsync(repository, chosen.Digest, cancellationToken).ConfigureAwait(false);
        }
        else if (!MediaTypes.IsManifest(top.MediaType))
        {
            throw BerthException.Invalid($"unsupported manifest media type {top.MediaType} for {reference.FamiliarString}");
        }
        var manifest = Parse(manifestBytes.Bytes, OciJsonContext.Default.ImageManifest, "manifest");
        if (!MediaTypes.IsConfig(manifest.Config.MediaType))
            throw BerthException.Invalid($"{reference.FamiliarString} is not an image: its config has media type {manifest.Config.MediaType}");

        // Blobs found present must stay until the image is recorded: an rmi meanwhile must not delete them.
        using var lease = await _images.LeaseBlobsAsync(
            [Digest.Compute(manifestBytes.Bytes), manifest.Config.ParsedDigest(), .. manifest.Layers.Select(l => l.ParsedDigest())], cancellationToken).ConfigureAwait(false);
        await Downloader.DownloadAsync(repository, manifest.Config, null, null, cancellationToken).ConfigureAwait(false);
        var configBytes = await _images.Content.ReadBlobAsync(manifest.Config.ParsedDigest(), cancellationToken).ConfigureAwait(false);
        var config = Parse(configBytes, OciJsonContext.Default.ImageConfig, "image config");
        if (platform is not null && (config.Os != wanted.Os || config.Architecture != wanted.Architecture))
            throw BerthException.Invalid($"image with reference {reference.FamiliarString} was found but does not match the specified platform: wanted {wanted}, actual: {config.Os}/{config.Architecture}");

        var imageId = manifest.Config.ParsedDigest();
        var upToDate = reference.Tag is not null && _images.TryGet(reference.ToString())?.Id == imageId;
        // An image already here with all its blobs needs no layer lines (dockerd checks the config first).
        var present = _images.TryGet(imageId.ToString()) is not null && await AllPresentAsync(manifest.Layers, cancellationToken).ConfigureAwait(false);
        // Layers are unpacked as their downloads complete, while later ones still download.
        var downloads = present ? LayerDownloads.None : await StartLayerDownloadsAsync(repository, manifest.Layers, progress, cancellationToken).ConfigureAwait(false);
        ImageRecord image;
        await using (downloads.ConfigureAwait(false))
        {
            var manifestDigest = await _images.Content.WriteBlobAsync(manifestBytes.Bytes, cancellationToken).ConfigureAwait(false);
            var references = new List<ImageReference>();
            if (reference.Tag is not null) references.Add(reference);
            references.Add(reference.NameOnly().WithDigest(top.Digest));
            image = await RegisterAsync(manifestDigest, references, downloads, progress, cancellationToken).ConfigureAwait(false);
        }

        progress.Report(new TransferProgress($"Digest: {top.Digest}"));
        progress.Report(new TransferProgress(upToDate
            ? $"Status: Image is up to date for {reference.FamiliarString}"
            : $"Status: Downloaded newer image for {reference.FamiliarString}"));
        _events.PublishImageEvent(reference.FamiliarString, reference.FamiliarName, ImageEvents.Pull, image.Config.Config?.Labels);
        DistributionLog.Pulled(_logger, reference.ToString(), top.Digest.ToString());
        return new PullResult(image, top.Digest, upToDate);
    }

    /// <summary>Fetches the manifest or index from the first endpoint that has it: mirrors, then the registry.</summary>
    private async Task<(RegistryRepository Repository, RegistryManifest Manifest)> ResolveAsync(ImageReference reference, string tagOrDigest,
        RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var endpoints = await _endpoints.ForPullAsync(reference.Domain, cancellationToken).ConfigureAwait(false);
        foreach (var endpoint in endpoints)
        {
            var repository = new RegistryRepository(endpoint, reference.Path, endpoint.IsMirror ? null : credentials);
            try
            {
                return (repository, await _registry.GetManifestAsync(repository, tagOrDigest, cancellationToken).ConfigureAwait(false));
            }
            catch (BerthException e) when (endpoint.IsMirror && !cancellationToken.IsCancellationRequested)
            {
                DistributionLog.MirrorFailed(_logger, endpoint.BaseUri.ToString(), reference.ToString(), e.Message);
            }
            catch (RegistryResponseException e)
            {
                throw PullError(e, reference);
            }
        }
        throw new BerthException($"no endpoint to pull {reference.FamiliarString} from");
    }

    /// <summary>dockerd's texts for registry errors on pull (distribution/errors.go).</summary>
    private static BerthException PullError(RegistryResponseException e, ImageReference reference) => e.Code switch
    {
        "MANIFEST_UNKNOWN" => BerthException.NotFound($"manifest for {reference.FamiliarString} not found: {e.Message}"),
        "NAME_UNKNOWN" => BerthException.NotFound($"repository {reference.FamiliarName} not found: {e.Message}"),
        "DENIED" => BerthException.NotFound($"pull access denied for {reference.FamiliarName}, repository does not exist or may require 'docker login': {e.Message}"),
        _ when e.Kind == ErrorKind.NotFound => BerthException.NotFound($"manifest for {reference.FamiliarString} not found: manifest unknown: manifest unknown"),
        _ => e,
    };

    private static T Parse<T>(byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw BerthException.Invalid($"the {what} is empty");
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"the {what} is not valid JSON: {e.Message}");
        }
    }
}
