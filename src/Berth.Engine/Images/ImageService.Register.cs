using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Snapshots;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    public Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, CancellationToken cancellationToken) =>
        RegisterAsync(manifestDigest, references, null, cancellationToken);

    public Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, IProgress<LayerUnpackProgress>? progress,
        CancellationToken cancellationToken) =>
        RegisterCoreAsync(manifestDigest, references, progress, null, cancellationToken);

    public Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, IProgress<LayerUnpackProgress>? progress,
        Func<Digest, CancellationToken, Task> layerReady, CancellationToken cancellationToken) =>
        RegisterCoreAsync(manifestDigest, references, progress, layerReady, cancellationToken);

    private async Task<ImageRecord> RegisterCoreAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, IProgress<LayerUnpackProgress>? progress,
        Func<Digest, CancellationToken, Task>? layerReady, CancellationToken cancellationToken)
    {
        foreach (var reference in references)
            if (!reference.IsCanonical && reference.Tag is null) throw BerthException.Invalid($"reference {reference} has neither tag nor digest");

        var (manifest, config) = await ReadImageBlobsAsync(manifestDigest, layersPresent: layerReady is null, cancellationToken).ConfigureAwait(false);
        var diffIds = config.RootFs.DiffIds.Select(Digest.Parse).ToList();
        var chain = ChainId.Of(diffIds);
        var imageId = manifest.Config.ParsedDigest().ToString();

        // Until the image record names them, a concurrent rmi or sweep must not delete these blobs and layers.
        // The write lock is held only to claim them and, at the end, to record the image: downloads and unpacking
        // run without it, so other pulls, builds, tags and removals proceed meanwhile.
        var blobs = new List<string> { manifestDigest.ToString(), imageId };
        blobs.AddRange(manifest.Layers.Select(l => l.Digest));
        var mustExist = new List<Digest> { manifestDigest, manifest.Config.ParsedDigest() };
        if (layerReady is null) mustExist.AddRange(manifest.Layers.Select(l => l.ParsedDigest()));
        using var claims = await ClaimAsync(blobs, mustExist, chain, cancellationToken).ConfigureAwait(false);
        try
        {
            var layers = await UnpackLayersAsync(manifest, diffIds, chain, progress, layerReady, cancellationToken).ConfigureAwait(false);
            return await RecordImageAsync(manifestDigest, imageId, config, layers, references, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed layer leaves no image; the layers unpacked below it go too unless an image (or another
            // registration under way) has them.
            claims.Dispose();
            await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await SweepLayersAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
            throw;
        }
    }

    /// <summary>Writes the image record and then its references, under the write lock; publishes the view.</summary>
    private async Task<ImageRecord> RecordImageAsync(Digest manifestDigest, string imageId, ImageConfig config, List<StoredLayer> layers,
        IReadOnlyList<ImageReference> references, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The claims kept every layer of the chain since before it was checked or committed.
            foreach (var layer in layers)
            {
                if (TryStat(layer.ChainId) is not { Kind: SnapshotKind.Committed })
                    throw new BerthException($"layer snapshot {layer.ChainId} of image {imageId} vanished before the image was recorded");
            }
            var existing = _store.State.Images.GetValueOrDefault(imageId);
            var stored = new StoredImage(imageId, manifestDigest.ToString(), existing?.Parent, layers, existing?.Added ?? _time.GetUtcNow());
            _configs = _configs.SetItem(imageId, config);
            await _store.PutImageAsync(stored, cancellationToken).ConfigureAwait(false);
            foreach (var reference in references)
                await _store.SetReferenceAsync(reference.ToString(), imageId, cancellationToken).ConfigureAwait(false);
            ImageServiceLog.Registered(_logger, imageId, manifestDigest.ToString(), layers.Count);
            Publish();
            return _view.ById(imageId)!;
        }
        finally
        {
            Publish();
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Reads and checks an image manifest and its config from the content store: every blob present, the
    /// config's DiffIDs as many as the manifest's layers, an OS and architecture set. Without
    /// <paramref name="layersPresent"/> the layer blobs may still be arriving.
    /// </summary>
    private async Task<(ImageManifest Manifest, ImageConfig Config)> ReadImageBlobsAsync(Digest manifestDigest, bool layersPresent, CancellationToken cancellationToken)
    {
        var manifestBytes = await ReadRequiredBlobAsync(manifestDigest, "manifest", cancellationToken).ConfigureAwait(false);
        ImageManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(manifestBytes, OciJsonContext.Default.ImageManifest)
                       ?? throw BerthException.Invalid($"manifest {manifestDigest} is empty");
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"manifest {manifestDigest} is not valid JSON: {e.Message}");
        }
        if (MediaTypes.IsIndex(manifest.MediaType))
            throw BerthException.Invalid($"{manifestDigest} is an image index, not an image manifest");
        if (!MediaTypes.IsConfig(manifest.Config.MediaType))
            throw BerthException.Invalid($"manifest {manifestDigest} has config media type {manifest.Config.MediaType}, not an image config");
        foreach (var layer in manifest.Layers)
        {
            if (!MediaTypes.IsLayer(layer.MediaType)) throw BerthException.Invalid($"manifest {manifestDigest} has a layer of media type {layer.MediaType}");
            if (layersPresent && !await _content.ExistsAsync(layer.ParsedDigest(), cancellationToken).ConfigureAwait(false))
                throw BerthException.Invalid($"layer {layer.Digest} of manifest {manifestDigest} is missing");
        }

        var configBytes = await ReadRequiredBlobAsync(manifest.Config.ParsedDigest(), "config", cancellationToken).ConfigureAwait(false);
        ImageConfig config;
        try
        {
            config = JsonSerializer.Deserialize(configBytes, OciJsonContext.Default.ImageConfig)
                     ?? throw BerthException.Invalid($"image config {manifest.Config.Digest} is empty");
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"image config {manifest.Config.Digest} is not valid JSON: {e.Message}");
        }
        if (config.RootFs.DiffIds.Count != manifest.Layers.Count)
            throw BerthException.Invalid($"image config {manifest.Config.Digest} lists {config.RootFs.DiffIds.Count} DiffIDs for {manifest.Layers.Count} layers");
        return (manifest, config);
    }

    private async Task<byte[]> ReadRequiredBlobAsync(Digest digest, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await _content.ReadBlobAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw BerthException.Invalid($"{what} {digest} is missing");
        }
    }
}
