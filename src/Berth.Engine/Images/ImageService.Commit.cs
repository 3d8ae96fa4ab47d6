using System.Text.Json;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Content;
using Berth.Core.Mounts;
using Berth.Core.Oci;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>Key prefix of the snapshots a build writes (COPY/ADD); removed at start-up like extracts.</summary>
    private const string BuildKeyPrefix = ExtractKeyPrefix + "build-";

    private const int CommitBufferSize = 4 << 20;

    public async Task<(string Key, string Directory)> PrepareBuildLayerAsync(ImageRecord? parent, CancellationToken cancellationToken)
    {
        var key = $"{BuildKeyPrefix}{Guid.NewGuid():N}";
        await WaitForLayersAsync(parent?.Id.ToString(), cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var mounts = await _snapshots.PrepareAsync(key, parent?.TopChainId, cancellationToken).ConfigureAwait(false);
            return (key, WritableDirectory(mounts));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public IReadOnlyList<FileChange> ContainerLayerChanges(string containerId)
    {
        var mounts = _snapshots.Mounts(containerId);
        var lowers = mounts is [{ Type: "overlay" } overlay] ? OverlayMountOptions.LowerDirs(overlay) : [];
        return OverlayChanges.Compute(WritableDirectory(mounts), lowers);
    }

    public async Task<ImageRecord> CommitImageAsync(ImageCommitRequest request, CancellationToken cancellationToken)
    {
        var parentConfig = request.Parent?.Config;
        var parentStored = request.Parent is null ? null : _store.State.Images.GetValueOrDefault(request.Parent.Id.ToString());
        var parentLayers = await ParentLayerDescriptorsAsync(request.Parent, cancellationToken).ConfigureAwait(false);

        // The layer tar goes to the content store first (outside the lock): uncompressed, so blob digest = DiffID.
        // A live container's layer is only read here: its snapshot is unpacked from the verified blob in the
        // background once the image is recorded (whatever mounts the image waits for it). A consumed snapshot
        // (a build step's) becomes the layer itself.
        Digest? diffId = null;
        long tarSize = 0, layerSize = 0;
        var claim = Guid.NewGuid();
        if (request.SnapshotKey is { } key)
        {
            var directory = WritableDirectory(_snapshots.Mounts(key));
            var reference = $"commit-{Guid.NewGuid():N}";
            try
            {
                var writer = await _content.OpenWriterAsync(reference, cancellationToken).ConfigureAwait(false);
                await using (writer.ConfigureAwait(false))
                {
                    // The tar writer writes in small pieces (headers, 128 KiB of data): gathered into 4 MiB, each
                    // ingest write (hashed while the file write runs) is one thread-pool hop per 4 MiB.
                    var stream = new BufferedStream(new ContentWriterStream(writer), CommitBufferSize);
                    await using (stream.ConfigureAwait(false))
                        layerSize = (await LayerWriter.WriteAsync(directory, stream, cancellationToken).ConfigureAwait(false)).Size;
                    tarSize = writer.Offset;
                    diffId = await writer.CommitAsync(tarSize, null, cancellationToken).ConfigureAwait(false);
                    _blobsInFlight[claim] = diffId.Value.ToString();
                }
            }
            catch
            {
                await _content.AbortAsync(reference, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        (string? Parent, StoredLayer Layer)? unpack = null;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var layers = parentStored?.Layers.ToList() ?? [];
            if (diffId is { } layerDiffId)
            {
                var chainId = ChainId.Of([.. layers.Select(l => Digest.Parse(l.DiffId)), layerDiffId])[^1].ToString();
                var committed = TryStat(chainId) is { Kind: Berth.Engine.Snapshots.SnapshotKind.Committed };
                if (request.ConsumeSnapshot)
                {
                    if (committed) await _snapshots.RemoveAsync(request.SnapshotKey!, cancellationToken).ConfigureAwait(false);
                    else await _snapshots.CommitAsync(chainId, request.SnapshotKey!, cancellationToken).ConfigureAwait(false);
                }
                else if (!committed)
                {
                    unpack = (layers.Count == 0 ? null : layers[^1].ChainId, new StoredLayer(layerDiffId.ToString(), chainId, layerSize));
                }
                layers.Add(new StoredLayer(layerDiffId.ToString(), chainId, layerSize));
            }

            var created = _time.GetUtcNow();
            var config = CloneConfig(parentConfig);
            config.Created = created;
            config.Config = request.Config;
            config.Author = request.Author;
            config.Comment = request.Comment;
            if (diffId is { } d) config.RootFs.DiffIds.Add(d.ToString());
            (config.History ??= []).Add(new HistoryEntry
            {
                Created = created,
                CreatedBy = request.CreatedBy,
                Author = string.IsNullOrEmpty(request.Author) ? null : request.Author,
                Comment = string.IsNullOrEmpty(request.Comment) ? null : request.Comment,
                EmptyLayer = diffId is null ? true : null,
            });
            var configBytes = JsonSerializer.SerializeToUtf8Bytes(config, OciJsonContext.Canonical.ImageConfig);
            var imageId = await _content.WriteBlobAsync(configBytes, cancellationToken).ConfigureAwait(false);
            var manifest = new ImageManifest
            {
                Config = new Descriptor(MediaTypes.OciConfig, imageId, configBytes.Length),
                Layers = diffId is { } ld ? [.. parentLayers, new Descriptor(MediaTypes.OciLayer, ld, tarSize)] : parentLayers,
            };
            var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, OciJsonContext.Canonical.ImageManifest);
            var manifestDigest = await _content.WriteBlobAsync(manifestBytes, cancellationToken).ConfigureAwait(false);

            var id = imageId.ToString();
            var existing = _store.State.Images.GetValueOrDefault(id);
            var stored = new StoredImage(id, manifestDigest.ToString(), request.Parent?.Id.ToString(), layers, existing?.Added ?? created);
            _configs = _configs.SetItem(id, JsonSerializer.Deserialize(configBytes, OciJsonContext.Default.ImageConfig)!);
            await _store.PutImageAsync(stored, cancellationToken).ConfigureAwait(false);
            foreach (var reference in request.References)
            {
                await _store.SetReferenceAsync(reference.ToString(), id, cancellationToken).ConfigureAwait(false);
                PublishImageEvent(id, reference.FamiliarString, Events.ImageEvents.Tag);
            }
            // Started once the image that names the layer is stored: the unpack checks it is still wanted.
            if (unpack is { } u) _ = ScheduleLayerUnpack(u.Parent, u.Layer);
            Publish();
            return _view.ById(id)!;
        }
        finally
        {
            Publish();
            _writeLock.Release();
            _blobsInFlight.TryRemove(claim, out _);
        }
    }

    /// <summary>The layer descriptors of the parent's manifest (the new manifest repeats them).</summary>
    private async Task<List<Descriptor>> ParentLayerDescriptorsAsync(ImageRecord? parent, CancellationToken cancellationToken)
    {
        if (parent is null) return [];
        if (parent.ManifestDigest is { } manifestDigest)
        {
            var bytes = await ReadRequiredBlobAsync(manifestDigest, "manifest", cancellationToken).ConfigureAwait(false);
            var manifest = JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageManifest);
            if (manifest is not null) return [.. manifest.Layers];
        }
        var stored = _store.State.Images[parent.Id.ToString()];
        var result = new List<Descriptor>();
        foreach (var layer in stored.Layers)
        {
            var info = await _content.InfoAsync(Digest.Parse(layer.BlobDigest), cancellationToken).ConfigureAwait(false);
            result.Add(new Descriptor(MediaTypes.OciLayer, Digest.Parse(layer.BlobDigest), info.Size));
        }
        return result;
    }

    private static ImageConfig CloneConfig(ImageConfig? config)
    {
        if (config is null) return new ImageConfig { RootFs = new RootFs() };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(config, OciJsonContext.Default.ImageConfig);
        return JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageConfig)!;
    }
}
