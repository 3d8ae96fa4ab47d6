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
    /// Makes the snapshots of a manifest's layer chain exist: layers not yet committed are extracted in parallel
    /// (one per core), each into a parent-less snapshot of its own, checked against its DiffID, then committed in
    /// chain order on their parents. On failure nothing half-made stays. Caller holds the write lock.
    /// </summary>
    private async Task<List<StoredLayer>> UnpackLayersAsync(ImageManifest manifest, IReadOnlyList<Digest> diffIds, IReadOnlyList<Digest> chain,
        IProgress<LayerUnpackProgress>? progress, Func<Digest, CancellationToken, Task>? layerReady, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        var extractions = new Task<(string Key, long Size)?>[diffIds.Count];
        for (var i = 0; i < diffIds.Count; i++)
        {
            extractions[i] = TryStat(chain[i].ToString()) is { Kind: SnapshotKind.Committed }
                ? Task.FromResult<(string, long)?>(null)
                : ExtractLayerAsync(manifest.Layers[i], diffIds[i], slots, progress, layerReady, failed);
        }

        var layers = new List<StoredLayer>(diffIds.Count);
        try
        {
            for (var i = 0; i < diffIds.Count; i++)
            {
                var descriptor = manifest.Layers[i];
                var blob = descriptor.ParsedDigest();
                var chainId = chain[i].ToString();
                long size;
                if (await extractions[i].ConfigureAwait(false) is { } extracted)
                {
                    await _snapshots.CommitOnAsync(chainId, extracted.Key, i == 0 ? null : chain[i - 1].ToString(), cancellationToken).ConfigureAwait(false);
                    size = extracted.Size;
                }
                else
                {
                    // Its snapshot exists already; a blob still arriving must still arrive (the record names it).
                    if (layerReady is not null) await layerReady(blob, failed.Token).ConfigureAwait(false);
                    var known = _store.State.Images.Values.SelectMany(image => image.Layers).FirstOrDefault(l => l.ChainId == chainId);
                    size = known?.Size ?? _snapshots.Usage(chainId).Size;
                }
                progress?.Report(new LayerUnpackProgress(blob, descriptor.Size, descriptor.Size, true));
                layers.Add(new StoredLayer(diffIds[i].ToString(), chainId, size, blob == diffIds[i] ? null : blob.ToString()));
            }
            return layers;
        }
        catch (Exception error)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            foreach (var extraction in extractions)
            {
                (string Key, long Size)? leftover;
                try { leftover = await extraction.ConfigureAwait(false); }
                catch (Exception) { continue; } // it removed its own snapshot
                if (leftover is { } e && TryStat(e.Key) is { Kind: SnapshotKind.Active })
                    await _snapshots.RemoveAsync(e.Key, CancellationToken.None).ConfigureAwait(false);
            }
            // A layer cancelled because another failed: report the failure, not the cancellation.
            if (error is OperationCanceledException && !cancellationToken.IsCancellationRequested
                && extractions.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } cause)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>Applies one layer blob into a fresh parent-less active snapshot; returns its key and content size.</summary>
    private async Task<(string Key, long Size)?> ExtractLayerAsync(Descriptor descriptor, Digest diffId, SemaphoreSlim slots,
        IProgress<LayerUnpackProgress>? progress, Func<Digest, CancellationToken, Task>? layerReady, CancellationTokenSource failed)
    {
        var cancellationToken = failed.Token;
        var blob = descriptor.ParsedDigest();
        if (layerReady is not null)
        {
            try
            {
                await layerReady(blob, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false); // cancelled when another layer failed
        try
        {
            progress?.Report(new LayerUnpackProgress(blob, 0, descriptor.Size, false));
            return await ApplyLayerBlobAsync(null, blob, diffId, read => progress?.Report(new LayerUnpackProgress(blob, read, descriptor.Size, false)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            slots.Release();
        }
    }
}
