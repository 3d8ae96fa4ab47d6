using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Images;

namespace Berth.Engine.Distribution;

public sealed partial class PullService
{
    /// <summary>
    /// Starts downloading the layers not yet in the content store, at most max-concurrent-downloads at a time, with
    /// dockerd's per-layer lines; the first failure cancels the rest. The caller unpacks each layer as its download
    /// completes (<see cref="LayerDownloads.ReadyAsync"/>) and awaits <see cref="LayerDownloads.All"/>.
    /// </summary>
    private async Task<LayerDownloads> StartLayerDownloadsAsync(RegistryRepository repository, IReadOnlyList<Descriptor> layers,
        IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
        var missing = new List<Descriptor>();
        var seen = new HashSet<Digest>();
        foreach (var layer in layers)
        {
            var digest = layer.ParsedDigest();
            if (!seen.Add(digest)) continue;
            if (await _images.Content.ExistsAsync(digest, cancellationToken).ConfigureAwait(false))
                progress.Report(TransferProgress.Layer(digest.Short, "Already exists"));
            else
            {
                progress.Report(TransferProgress.Layer(digest.Short, "Pulling fs layer"));
                missing.Add(layer);
            }
        }

        var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new Dictionary<Digest, Task>();
        foreach (var layer in missing) tasks[layer.ParsedDigest()] = DownloadLayerAsync(repository, layer, progress, failed);
        return new LayerDownloads(tasks, failed);
    }

    /// <summary>Downloads under way: one task per missing blob, and the source that cancels them all.</summary>
    private sealed class LayerDownloads(Dictionary<Digest, Task> tasks, CancellationTokenSource failed) : IAsyncDisposable
    {
        public static LayerDownloads None { get; } = new([], new CancellationTokenSource());

        public HashSet<Digest> Digests { get; } = [.. tasks.Keys];

        public Task All { get; } = Task.WhenAll(tasks.Values);

        /// <summary>Completes when the blob is in the content store (at once for blobs not being downloaded).</summary>
        public Task ReadyAsync(Digest blob, CancellationToken cancellationToken) =>
            tasks.TryGetValue(blob, out var task) ? task.WaitAsync(cancellationToken) : Task.CompletedTask;

        /// <summary>Cancels what still runs and waits for it (its failure is not reported: the caller's is).</summary>
        public async ValueTask DisposeAsync()
        {
            if (!All.IsCompleted) await failed.CancelAsync().ConfigureAwait(false);
            try { await All.ConfigureAwait(false); }
            catch (Exception) { /* reported by whoever awaited the downloads */ }
            if (this != None) failed.Dispose();
        }
    }

    private async Task DownloadLayerAsync(RegistryRepository repository, Descriptor layer, IProgress<TransferProgress> progress, CancellationTokenSource failed)
    {
        var id = layer.ParsedDigest().Short;
        var token = failed.Token;
        try
        {
            if (!_downloads.Wait(0))
            {
                progress.Report(TransferProgress.Layer(id, "Waiting"));
                await _downloads.WaitAsync(token).ConfigureAwait(false);
            }
            try
            {
                await Downloader.DownloadAsync(repository, layer,
                    current => progress.Report(TransferProgress.Bytes(id, "Downloading", current, layer.Size)),
                    () => progress.Report(TransferProgress.Layer(id, "Verifying Checksum")),
                    token).ConfigureAwait(false);
            }
            finally
            {
                _downloads.Release();
            }
            progress.Report(TransferProgress.Layer(id, "Download complete"));
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<bool> AllPresentAsync(IReadOnlyList<Descriptor> layers, CancellationToken cancellationToken)
    {
        foreach (var layer in layers)
            if (!await _images.Content.ExistsAsync(layer.ParsedDigest(), cancellationToken).ConfigureAwait(false)) return false;
        return true;
    }

    /// <summary>Unpacks (in parallel) and registers the image, reporting downloaded layers' extraction as dockerd does.</summary>
    private async Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, LayerDownloads downloads,
        IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
        var downloaded = downloads.Digests;
        var completed = new HashSet<Digest>();
        var unpack = new UnpackProgress(layer =>
        {
            if (!downloaded.Contains(layer.Blob)) return;
            if (!layer.Done) progress.Report(TransferProgress.Bytes(layer.Blob.Short, "Extracting", layer.Current, layer.Total));
            else
            {
                lock (completed)
                    if (!completed.Add(layer.Blob)) return;
                progress.Report(TransferProgress.Layer(layer.Blob.Short, "Pull complete"));
            }
        });
        var image = await _images.RegisterAsync(manifestDigest, references, unpack, downloads.ReadyAsync, cancellationToken).ConfigureAwait(false);
        await downloads.All.ConfigureAwait(false);
        return image;
    }

    private sealed class UnpackProgress(Action<LayerUnpackProgress> report) : IProgress<LayerUnpackProgress>
    {
        public void Report(LayerUnpackProgress value) => report(value);
    }
}
