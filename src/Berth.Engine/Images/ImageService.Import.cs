using System.Text.Json;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Core.Content;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>What <c>docker history</c> shows as the comment of an imported image without a message.</summary>
    public const string DefaultImportComment = "Imported from -";

    public async Task<ImageRecord> ImportAsync(Stream archive, string? reference, IReadOnlyList<string> changes, string? message, CancellationToken cancellationToken)
    {
        // Validate everything cheap before reading the archive.
        ImageReference? target = null;
        if (!string.IsNullOrEmpty(reference))
        {
            target = ImageReference.Parse(reference);
            if (target.IsCanonical) throw BerthException.Invalid("cannot import digest reference");
            target = target.WithDefaultTag();
        }
        var execution = new ImageExecutionConfig();
        ChangeInstructions.Apply(execution, changes);

        // The uncompressed tar is the layer blob; its digest is the DiffID (config.md "Layer DiffID").
        var (diffId, tarSize) = await StoreUncompressedAsync(archive, cancellationToken).ConfigureAwait(false);
        var chainId = diffId.ToString(); // ChainID(L0) = DiffID(L0)

        var created = _time.GetUtcNow();
        var comment = string.IsNullOrEmpty(message) ? DefaultImportComment : message;
        var config = new ImageConfig
        {
            Created = created,
            Architecture = "amd64",
            Os = "linux",
            Config = execution,
            Comment = comment,
            RootFs = new RootFs { DiffIds = [diffId.ToString()] },
            History = [new HistoryEntry { Created = created, Comment = comment }],
        };
        var configBytes = JsonSerializer.SerializeToUtf8Bytes(config, OciJsonContext.Canonical.ImageConfig);
        var imageId = Digest.Compute(configBytes);
        var manifest = new ImageManifest
        {
            Config = new Descriptor(MediaTypes.OciConfig, imageId, configBytes.Length),
            Layers = [new Descriptor(MediaTypes.OciLayer, diffId, tarSize)],
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, OciJsonContext.Canonical.ImageManifest);
        var manifestDigest = Digest.Compute(manifestBytes);

        // Until the image record names them, a concurrent rmi or sweep must not delete the blobs or the layer
        // (mark-and-sweep sees only finished images). The write lock is held only to claim and to record: the
        // layer unpacks without it.
        using var claims = await ClaimAsync([diffId.ToString(), imageId.ToString(), manifestDigest.ToString()], [diffId], [diffId], cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var layerSize = await UnpackLayerAsync(null, chainId, diffId, diffId, cancellationToken).ConfigureAwait(false);
            await _content.WriteBlobAsync(configBytes, cancellationToken).ConfigureAwait(false);
            await _content.WriteBlobAsync(manifestBytes, cancellationToken).ConfigureAwait(false);
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var id = imageId.ToString();
                var existing = _store.State.Images.GetValueOrDefault(id);
                var stored = new StoredImage(id, manifestDigest.ToString(), null, [new StoredLayer(diffId.ToString(), chainId, layerSize)], existing?.Added ?? created);
                // Re-read the config from its bytes so the record holds exactly what the blob says.
                _configs = _configs.SetItem(id, JsonSerializer.Deserialize(configBytes, OciJsonContext.Default.ImageConfig)!);
                await _store.PutImageAsync(stored, cancellationToken).ConfigureAwait(false);
                if (target is not null) await _store.SetReferenceAsync(target.ToString(), id, cancellationToken).ConfigureAwait(false);
                if (target is not null) PublishImageEvent(id, target.FamiliarString, Events.ImageEvents.Tag);
                PublishImageEvent(id, id, Events.ImageEvents.Import);
                ImageServiceLog.Imported(_logger, id, chainId, layerSize);
                Publish();
                return _view.ById(id)!;
            }
            finally
            {
                Publish();
                _writeLock.Release();
            }
        }
        catch
        {
            // The layer blob and snapshot of a failed import are garbage unless an image or another import has them.
            claims.Dispose();
            await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (!_blobsInFlight.Values.Contains(chainId) && !_store.State.Images.Values.Any(i => i.Layers.Any(l => l.DiffId == chainId)))
                    await _content.DeleteAsync(diffId, CancellationToken.None).ConfigureAwait(false);
                await SweepLayersAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
            throw;
        }
    }

    /// <summary>Decompresses <paramref name="archive"/> into the content store; returns the DiffID and tar size.</summary>
    private async Task<(Digest DiffId, long Size)> StoreUncompressedAsync(Stream archive, CancellationToken cancellationToken)
    {
        var reference = $"import-{Guid.NewGuid():N}";
        try
        {
            return await CopyIntoContentAsync(archive, reference, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // An import cannot be resumed: drop its partial data now rather than at the next start.
            await _content.AbortAsync(reference, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(Digest DiffId, long Size)> CopyIntoContentAsync(Stream archive, string reference, CancellationToken cancellationToken)
    {
        var writer = await _content.OpenWriterAsync(reference, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var tar = await Decompressor.OpenAsync(archive, cancellationToken, leaveOpen: true).ConfigureAwait(false);
            await using (tar.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await tar.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    await writer.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            }
            var size = writer.Offset;
            if (size == 0) throw BerthException.Invalid("the import archive is empty");
            var digest = await writer.CommitAsync(size, null, cancellationToken).ConfigureAwait(false);
            return (digest, size);
        }
    }
}
