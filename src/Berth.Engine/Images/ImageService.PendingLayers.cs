using System.Collections.Concurrent;
using Berth.Core;
using Berth.Engine.Snapshots;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// Layer snapshots being unpacked in the background, by ChainID: a commit records its image once the layer
    /// blob is in the content store and leaves the snapshot to this; whatever mounts the image waits for it.
    /// </summary>
    private readonly ConcurrentDictionary<string, Lazy<Task>> _pendingLayers = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits until every layer snapshot of <paramref name="imageId"/> exists: a pending unpack is awaited, a
    /// missing one (left by a crash between a commit and its unpack) is unpacked from its verified blob now.
    /// Throws when a layer cannot be made. The caller must not hold the write lock.
    /// </summary>
    private async Task WaitForLayersAsync(string? imageId, CancellationToken cancellationToken)
    {
        if (imageId is null || _store.State.Images.GetValueOrDefault(imageId) is not { } stored) return;
        string? parent = null;
        foreach (var layer in stored.Layers)
        {
            if (TryStat(layer.ChainId) is not { Kind: SnapshotKind.Committed })
            {
                await ScheduleLayerUnpack(parent, layer).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (TryStat(layer.ChainId) is not { Kind: SnapshotKind.Committed })
                    throw new BerthException($"layer {layer.DiffId} of image {imageId} could not be unpacked (see the daemon log)");
            }
            parent = layer.ChainId;
        }
    }

    /// <summary>
    /// Starts (or joins) the background unpack of <paramref name="layer"/>'s snapshot on <paramref name="parentChainId"/>
    /// from its blob, checked against its DiffID. The task never throws: failures are logged and leave no snapshot.
    /// </summary>
    private Task ScheduleLayerUnpack(string? parentChainId, StoredLayer layer)
    {
        Lazy<Task>? created = null;
        created = new Lazy<Task>(() => Task.Run(async () =>
        {
            try
            {
                await UnpackPendingLayerAsync(parentChainId, layer).ConfigureAwait(false);
            }
            finally
            {
                _pendingLayers.TryRemove(new KeyValuePair<string, Lazy<Task>>(layer.ChainId, created!));
            }
        }));
        return _pendingLayers.GetOrAdd(layer.ChainId, created).Value;
    }

    /// <summary>
    /// Unpacks one recorded layer that has no snapshot. The write lock is held only to check the layer is still
    /// wanted and to claim it, its parents and its blob (so no rmi or sweep takes them meanwhile); the unpack
    /// itself runs without it.
    /// </summary>
    private async Task UnpackPendingLayerAsync(string? parentChainId, StoredLayer layer)
    {
        try
        {
            if (parentChainId is not null && _pendingLayers.TryGetValue(parentChainId, out var parentTask))
                await parentTask.Value.ConfigureAwait(false);
            Claims? claims = null;
            await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                // Still wanted: an image removed meanwhile leaves nothing to unpack.
                var image = _store.State.Images.Values.FirstOrDefault(i => i.Layers.Any(l => l.ChainId == layer.ChainId));
                if (image is not null && TryStat(layer.ChainId) is not { Kind: SnapshotKind.Committed })
                {
                    claims = new Claims(this);
                    claims.Blob(layer.BlobDigest);
                    foreach (var below in image.Layers.TakeWhile(l => l.ChainId != layer.ChainId)) claims.Layer(below.ChainId);
                    claims.Layer(layer.ChainId);
                }
            }
            finally
            {
                _writeLock.Release();
            }
            if (claims is null) return;
            using (claims)
            {
                await UnpackLayerAsync(parentChainId, layer.ChainId, Digest.Parse(layer.BlobDigest), Digest.Parse(layer.DiffId), CancellationToken.None).ConfigureAwait(false);
                ImageServiceLog.LayerUnpacked(_logger, layer.ChainId);
            }
            // An image removed while its layer unpacked (its sweep kept the claimed layer) leaves nothing behind.
            await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (!_store.State.Images.Values.Any(i => i.Layers.Any(l => l.ChainId == layer.ChainId)))
                    await SweepLayersAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception e)
        {
            ImageServiceLog.LayerUnpackFailed(_logger, layer.ChainId, e);
        }
    }

    /// <summary>
    /// Start-up: layer snapshots an image names but that do not exist (a crash after a commit recorded its image,
    /// before the background unpack finished) are unpacked again from their blobs, parents first.
    /// </summary>
    private void ScheduleMissingLayers()
    {
        foreach (var image in _store.State.Images.Values)
        {
            string? parent = null;
            foreach (var layer in image.Layers)
            {
                if (TryStat(layer.ChainId) is not { Kind: SnapshotKind.Committed })
                {
                    ImageServiceLog.LayerMissing(_logger, layer.ChainId, image.Id);
                    _ = ScheduleLayerUnpack(parent, layer);
                }
                parent = layer.ChainId;
            }
        }
    }

    /// <summary>Waits for every background unpack started so far (tests, shutdown).</summary>
    public Task WhenLayersUnpackedAsync() => Task.WhenAll(_pendingLayers.Values.Select(l => l.Value));
}
