using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Mounts;
using Berth.Engine.Snapshots;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>
    /// Makes the committed snapshot <paramref name="chainId"/> exist: reused when present, else the layer blob
    /// <paramref name="blob"/> (plain or compressed) is applied into a fresh active snapshot on
    /// <paramref name="parentChainId"/> and committed, once its uncompressed bytes proved to be
    /// <paramref name="diffId"/>. Returns the layer's content size. Caller holds the write lock, or claims on the
    /// layer, its parents and its blob; when another commit of the same ChainID won meanwhile, that one is used.
    /// </summary>
    private async Task<long> UnpackLayerAsync(string? parentChainId, string chainId, Digest blob, Digest diffId, CancellationToken cancellationToken)
    {
        if (TryStat(chainId) is { Kind: SnapshotKind.Committed }) return CommittedLayerSize(chainId);
        var (key, size) = await ApplyLayerBlobAsync(parentChainId, blob, diffId, null, cancellationToken).ConfigureAwait(false);
        try
        {
            await _snapshots.CommitAsync(chainId, key, cancellationToken).ConfigureAwait(false);
            return size;
        }
        catch (BerthException e) when (e.Kind == ErrorKind.Conflict && TryStat(chainId) is { Kind: SnapshotKind.Committed })
        {
            await _snapshots.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            return CommittedLayerSize(chainId);
        }
        catch
        {
            await _snapshots.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Applies the layer blob <paramref name="blob"/> (plain or compressed) into a fresh active snapshot on
    /// <paramref name="parentChainId"/> and checks that its uncompressed bytes are <paramref name="diffId"/>.
    /// Returns the snapshot's key and the layer's content size; on failure the snapshot is removed.
    /// <paramref name="blobRead"/> hears how many blob bytes were read so far.
    /// </summary>
    private async Task<(string Key, long Size)> ApplyLayerBlobAsync(string? parentChainId, Digest blob, Digest diffId,
        Action<long>? blobRead, CancellationToken cancellationToken)
    {
        var key = $"{ExtractKeyPrefix}{Guid.NewGuid():N}";
        var mounts = await _snapshots.PrepareAsync(key, parentChainId, cancellationToken).ConfigureAwait(false);
        try
        {
            TarApplyResult result;
            Digest applied;
            var compressed = await _content.OpenReadAsync(blob, cancellationToken).ConfigureAwait(false);
            if (blobRead is not null) compressed = new CountingReadStream(compressed, blobRead, UnpackReportEvery);
            var (tar, compression) = await Decompressor.OpenDetectedAsync(compressed, cancellationToken).ConfigureAwait(false);
            if (compression == Compression.None && blob == diffId)
            {
                // The content store verified these very bytes as the blob digest, which is the DiffID: hashing
                // them again (a second sha256 of the whole layer, most of load's CPU) would prove nothing new.
                await using (tar.ConfigureAwait(false))
                    result = await LayerApplier.ApplyAsync(tar, WritableDirectory(mounts), cancellationToken).ConfigureAwait(false);
                applied = blob;
            }
            else
            {
                var digesting = new DigestingReadStream(tar);
                await using (digesting.ConfigureAwait(false))
                {
                    result = await LayerApplier.ApplyAsync(digesting, WritableDirectory(mounts), cancellationToken).ConfigureAwait(false);
                    applied = await digesting.DrainAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            if (applied != diffId)
                throw BerthException.Invalid($"layer {blob} does not match its DiffID: the config says {diffId}, its content is {applied}");
            if (result.SkippedEntries > 0)
                ImageServiceLog.SkippedEntries(_logger, key, result.SkippedEntries, string.Join(", ", result.SkippedNames));
            return (key, result.Size);
        }
        catch
        {
            await _snapshots.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The directory a layer is applied into, from the snapshot's own mounts: the bind source of a first layer
    /// or the overlay upperdir. Applying there directly (overlay whiteout format) needs no mount.
    /// </summary>
    private static string WritableDirectory(IReadOnlyList<Mount> mounts)
    {
        if (mounts is [{ Type: "bind" } bind]) return bind.Source;
        if (mounts is [{ Type: "overlay" } overlay] && OverlayMountOptions.UpperDir(overlay) is { } upper) return upper;
        throw new BerthException("snapshot mounts have no writable directory");
    }

    private SnapshotInfo? TryStat(string key)
    {
        try { return _snapshots.Stat(key); }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound) { return null; }
    }

    public async Task<IReadOnlyList<Mount>> PrepareContainerLayerAsync(string containerId, ImageRecord image, CancellationToken cancellationToken)
    {
        await WaitForLayersAsync(image.Id.ToString(), cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryStat(containerId) is not null) return _snapshots.Mounts(containerId);
            return await _snapshots.PrepareAsync(containerId, image.TopChainId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public IReadOnlyList<Mount> ContainerLayerMounts(string containerId) => _snapshots.Mounts(containerId);

    public async Task RemoveContainerLayerAsync(string containerId, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryStat(containerId) is not null) await _snapshots.RemoveAsync(containerId, cancellationToken).ConfigureAwait(false);
            // Layers of images force-removed while this container used them are free now.
            await SweepLayersAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public long ContainerLayerSize(string containerId) =>
        TryStat(containerId) is null ? 0 : _snapshots.Usage(containerId).Size;

    /// <summary>
    /// Mark and sweep: every layer snapshot (committed, named by a ChainID) that no remaining image's chain
    /// names and no registration under way claims is removed, children before parents; one still under a container's layer stays. Returns the
    /// removed ChainIDs, top-most first. Caller holds the write lock.
    /// </summary>
    private async Task<List<string>> SweepLayersAsync(CancellationToken cancellationToken)
    {
        var marked = _store.State.Images.Values.SelectMany(i => i.Layers).Select(l => l.ChainId).ToHashSet(StringComparer.Ordinal);
        marked.UnionWith(ClaimedLayers); // layers of registrations under way, committed before their image is recorded
        var removed = new List<string>();
        bool progress;
        do
        {
            progress = false;
            var all = _snapshots.List();
            var parents = all.Where(s => s.Parent is not null).Select(s => s.Parent!).ToHashSet(StringComparer.Ordinal);
            foreach (var snapshot in all)
            {
                if (snapshot.Kind != SnapshotKind.Committed || marked.Contains(snapshot.Name) || parents.Contains(snapshot.Name)) continue;
                if (!Digest.TryParse(snapshot.Name, out _)) continue;
                await _snapshots.RemoveAsync(snapshot.Name, cancellationToken).ConfigureAwait(false);
                ImageServiceLog.LayerRemoved(_logger, snapshot.Name);
                removed.Add(snapshot.Name);
                progress = true;
            }
        }
        while (progress);
        return removed;
    }
}
