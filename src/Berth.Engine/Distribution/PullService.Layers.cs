using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Images;

namespace Berth.Engine.Distribution;

public sealed partial class PullService
{
    /// <summary>
    /// Downloads the layers not yet in the content store, at most max-concurrent-downloads at a time, with
    /// dockerd's per-layer lines. Returns the digests it downloaded; the first failure cancels the rest.
    /// </summary>
    private async Task<HashSet<Digest>> DownloadLayersAsync(RegistryRepository repository, IReadOnlyList<Descriptor> layers,
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

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = missing.Select(layer => DownloadLayerAsync(repository, layer, progress, failed)).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return missing.Select(l => l.ParsedDigest()).ToHashSet();
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
    private async Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, HashSet<Digest> downloaded,
        IProgress<TransferProgress> progress, CancellationToken cancellationToken)
    {
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
        return await _images.RegisterAsync(manifestDigest, references, unpack, cancellationToken).ConfigureAwait(false);
    }

    private sealed class UnpackProgress(Action<LayerUnpackProgress> report) : IProgress<LayerUnpackProgress>
    {
        public void Report(LayerUnpackProgress value) => report(value);
    }
}
