using System.Collections.Concurrent;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Oci;
using Berth.Engine.Snapshots;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>Extraction progress is reported after this many blob bytes.</summary>
    private const long UnpackReportEvery = 1 << 20;

    /// <summary>
    /// Layer snapshots being extracted and committed for a pull or load, by ChainID: a second registration needing
    /// the same layer joins this instead of extracting it again (single flight).
    /// </summary>
    private readonly ConcurrentDictionary<string, Task<long>> _layerUnpacks = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes the snapshots of a manifest's layer chain exist: layers not yet committed are extracted in parallel
    /// (one per core), each into a private parent-less snapshot (an <c>extract-</c> key no one else reads, discarded
    /// at start-up after a crash), checked against its DiffID, then committed in chain order on their parents: the
    /// commit is the atomic publish. A layer another registration is extracting is joined, not extracted twice.
    /// On failure nothing half-made stays. The caller holds claims on the chain (<see cref="ClaimAsync"/>) so no
    /// sweep removes a committed layer before its image is recorded, and does NOT hold the write lock.
    /// </summary>
    private async Task<List<StoredLayer>> UnpackLayersAsync(ImageManifest manifest, IReadOnlyList<Digest> diffIds, IReadOnlyList<Digest> chain,
        IProgress<LayerUnpackProgress>? progress, Func<Digest, CancellationToken, Task>? layerReady, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        var sizes = new Task<long>[diffIds.Count];
        for (var i = 0; i < diffIds.Count; i++)
        {
            var layer = new LayerToUnpack(manifest.Layers[i], diffIds[i], chain[i].ToString(), i == 0 ? null : chain[i - 1].ToString(), i == 0 ? null : sizes[i - 1]);
            sizes[i] = EnsureLayerAsync(layer, slots, progress, layerReady, failed);
        }

        var layers = new List<StoredLayer>(diffIds.Count);
        try
        {
            for (var i = 0; i < diffIds.Count; i++)
            {
                var descriptor = manifest.Layers[i];
                var blob = descriptor.ParsedDigest();
                var size = await sizes[i].ConfigureAwait(false);
                progress?.Report(new LayerUnpackProgress(blob, descriptor.Size, descriptor.Size, true));
                layers.Add(new StoredLayer(diffIds[i].ToString(), chain[i].ToString(), size, blob == diffIds[i] ? null : blob.ToString()));
            }
            return layers;
        }
        catch (Exception error)
        {
            // Every layer task removes its own private snapshot when it fails or is cancelled.
            await failed.CancelAsync().ConfigureAwait(false);
            try { await Task.WhenAll(sizes).ConfigureAwait(false); }
            catch (Exception) { /* reported below */ }
            // A layer cancelled because another failed: report the failure, not the cancellation.
            if (error is OperationCanceledException && !cancellationToken.IsCancellationRequested
                && sizes.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } cause)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>One layer of a chain to make: its blob, DiffID, ChainID, and the layer below (its ChainID and task).</summary>
    private sealed record LayerToUnpack(Descriptor Descriptor, Digest DiffId, string ChainId, string? ParentChainId, Task<long>? Parent);

    /// <summary>
    /// Makes the committed snapshot of one layer exist and returns its size: reused when committed, joined when
    /// another registration is making it, else extracted and committed here. A joined attempt that failed or was
    /// cancelled with its own registration is retried here (with this registration's blob).
    /// </summary>
    private async Task<long> EnsureLayerAsync(LayerToUnpack layer, SemaphoreSlim slots, IProgress<LayerUnpackProgress>? progress,
        Func<Digest, CancellationToken, Task>? layerReady, CancellationTokenSource failed)
    {
        var cancellationToken = failed.Token;
        try
        {
            // Even a layer whose snapshot exists must have its blob arrive: the image record names it.
            if (layerReady is not null) await layerReady(layer.Descriptor.ParsedDigest(), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (TryStat(layer.ChainId) is { Kind: SnapshotKind.Committed }) return CommittedLayerSize(layer.ChainId);
                var mine = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                var current = _layerUnpacks.GetOrAdd(layer.ChainId, mine.Task);
                if (current != mine.Task)
                {
                    try
                    {
                        return await current.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        continue; // its registration failed or was cancelled: try again, maybe ourselves
                    }
                }
                try
                {
                    var size = await ExtractAndCommitAsync(layer, slots, progress, cancellationToken).ConfigureAwait(false);
                    mine.SetResult(size);
                    return size;
                }
                catch (Exception e)
                {
                    mine.SetException(e);
                    _ = mine.Task.Exception; // observed: joiners retry, the caller reports its own
                    throw;
                }
                finally
                {
                    _layerUnpacks.TryRemove(new KeyValuePair<string, Task<long>>(layer.ChainId, mine.Task));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Applies one layer blob into a private parent-less snapshot, waits for the layer below to be committed, and
    /// commits it on that parent. When another commit of the same ChainID won meanwhile, the private copy goes.
    /// </summary>
    private async Task<long> ExtractAndCommitAsync(LayerToUnpack layer, SemaphoreSlim slots, IProgress<LayerUnpackProgress>? progress,
        CancellationToken cancellationToken)
    {
        var blob = layer.Descriptor.ParsedDigest();
        var total = layer.Descriptor.Size;
        (string Key, long Size) extracted;
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false); // cancelled when another layer failed
        try
        {
            progress?.Report(new LayerUnpackProgress(blob, 0, total, false));
            extracted = await ApplyLayerBlobAsync(null, blob, layer.DiffId, read => progress?.Report(new LayerUnpackProgress(blob, read, total, false)),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
        try
        {
            if (layer.Parent is not null) await layer.Parent.ConfigureAwait(false);
            try
            {
                await _snapshots.CommitOnAsync(layer.ChainId, extracted.Key, layer.ParentChainId, cancellationToken).ConfigureAwait(false);
                return extracted.Size;
            }
            catch (BerthException e) when (e.Kind == ErrorKind.Conflict && TryStat(layer.ChainId) is { Kind: SnapshotKind.Committed })
            {
                await _snapshots.RemoveAsync(extracted.Key, CancellationToken.None).ConfigureAwait(false);
                return CommittedLayerSize(layer.ChainId);
            }
        }
        catch
        {
            if (TryStat(extracted.Key) is { Kind: SnapshotKind.Active })
                await _snapshots.RemoveAsync(extracted.Key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The content size of a committed layer: as an image recorded it, else as the snapshotter measured it.</summary>
    private long CommittedLayerSize(string chainId) =>
        _store.State.Images.Values.SelectMany(image => image.Layers).FirstOrDefault(l => l.ChainId == chainId)?.Size
        ?? _snapshots.Usage(chainId).Size;
}
