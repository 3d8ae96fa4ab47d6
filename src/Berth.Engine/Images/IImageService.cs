using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Mounts;
using Berth.Core.References;

namespace Berth.Engine.Images;

/// <summary>
/// Image workflows (import, tag, remove, history, prune) over the content store, image store and snapshotter.
/// Names are Docker references (<c>busybox</c> = <c>docker.io/library/busybox:latest</c>), full or short IDs,
/// or digests. Unknown names throw NotFound with Docker's text <c>No such image: NAME</c>.
/// </summary>
public interface IImageService
{
    /// <summary>
    /// <c>docker import</c>: one layer from a (possibly gzip/bzip2/xz/zstd-compressed) rootfs tar.
    /// <paramref name="changes"/> are Dockerfile instructions (<c>CMD ["sh"]</c>, <c>ENV A=b</c>, …).
    /// Tar entries that would escape the layer are rejected or contained.
    /// </summary>
    Task<ImageRecord> ImportAsync(Stream archive, string? reference, IReadOnlyList<string> changes, string? message, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a local image of an image manifest whose config and layer blobs are already in <see cref="Content"/>
    /// (the last step of pull and load). Layers (plain, gzip or zstd) are unpacked into snapshots named by
    /// ChainID, reusing those present, each checked against the config's DiffID; the record and then
    /// <paramref name="references"/> (tags and/or <c>name@digest</c>) are written last, so a failure leaves no
    /// image. Missing or malformed blobs throw InvalidArgument. Publishes no event: the caller's workflow does.
    /// </summary>
    Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RegisterAsync(Digest, IReadOnlyList{ImageReference}, CancellationToken)"/> reporting each layer's
    /// extraction (pull's <c>Extracting</c> and <c>Pull complete</c> lines). Layers are extracted in parallel, each
    /// into its own snapshot directory, and stacked in chain order.
    /// </summary>
    Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, IProgress<LayerUnpackProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// Registering while the layer blobs are still arriving (pull): the manifest and config must be in
    /// <see cref="Content"/>; each layer is unpacked once <paramref name="layerReady"/> (given the layer's blob digest)
    /// completes, so unpacking one layer overlaps downloading the next. Its failure fails the registration, and the
    /// record is written only after every layer's task completed.
    /// </summary>
    Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<ImageReference> references, IProgress<LayerUnpackProgress>? progress,
        Func<Digest, CancellationToken, Task> layerReady, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps blobs a pull (or load) will name from being deleted by an rmi or prune until the returned lease is
    /// disposed: a blob found "Already exists" stays until the image naming it is recorded. Blobs not yet present
    /// may be leased too. Waits only for a removal already running.
    /// </summary>
    Task<IDisposable> LeaseBlobsAsync(IEnumerable<Digest> blobs, CancellationToken cancellationToken);

    /// <summary>The content store holding every image's manifest, config and layer blobs.</summary>
    IContentStore Content { get; }

    /// <summary>Resolves a name, ID, short ID or digest. Throws NotFound (<c>No such image: x</c>).</summary>
    ImageRecord Get(string nameOrId);

    /// <summary>Like <see cref="Get"/> but returns null.</summary>
    ImageRecord? TryGet(string nameOrId);

    /// <summary>All images; each image appears once with all its tags. Filtering belongs to the caller's query.</summary>
    IReadOnlyList<ImageRecord> List();

    /// <summary><c>docker tag</c>. Target is normalised (<c>busybox:1</c> → <c>docker.io/library/busybox:1</c>).</summary>
    Task TagAsync(string source, string target, CancellationToken cancellationToken);

    /// <summary>
    /// <c>docker rmi</c>: by tag untags (and deletes when it was the last tag); by ID deletes. Refuses with
    /// Conflict while a container uses the image unless <paramref name="force"/>. Returns Docker's
    /// <c>[{"Untagged": …}, {"Deleted": …}]</c> items in order.
    /// </summary>
    Task<IReadOnlyList<ImageDeleteItem>> RemoveAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken);

    /// <summary><c>docker history</c>, newest first.</summary>
    IReadOnlyList<ImageHistoryItem> History(string nameOrId);

    /// <summary><c>docker image prune</c>: dangling images, or with <paramref name="all"/> every image no container uses.</summary>
    Task<ImagePruneResult> PruneAsync(bool all, Func<ImageRecord, bool> filter, CancellationToken cancellationToken);

    /// <summary>
    /// Prepares the container's writable layer on top of the image (active snapshot named by
    /// <paramref name="containerId"/>) and returns the mounts for its rootfs. Idempotent.
    /// </summary>
    Task<IReadOnlyList<Mount>> PrepareContainerLayerAsync(string containerId, ImageRecord image, CancellationToken cancellationToken);

    /// <summary>The mounts of an existing container layer (after a daemon restart), or throws NotFound.</summary>
    IReadOnlyList<Mount> ContainerLayerMounts(string containerId);

    /// <summary>Removes the container's writable layer. Missing is fine.</summary>
    Task RemoveContainerLayerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Bytes in the container's writable layer (<c>ps -s</c>, SizeRw).</summary>
    long ContainerLayerSize(string containerId);

    /// <summary><c>docker diff</c>: what the container's writable layer changed, sorted by path.</summary>
    IReadOnlyList<Berth.Core.Archive.FileChange> ContainerLayerChanges(string containerId);

    /// <summary>
    /// A writable snapshot on <paramref name="parent"/> (or empty) for a build step to write files into;
    /// returns its key (for <see cref="ImageCommitRequest.SnapshotKey"/> or <see cref="RemoveContainerLayerAsync"/>)
    /// and the directory to write (its own layer: overlay whiteout format).
    /// </summary>
    Task<(string Key, string Directory)> PrepareBuildLayerAsync(ImageRecord? parent, CancellationToken cancellationToken);

    /// <summary>
    /// <c>docker commit</c> and each build step: a new image of the parent's layers plus the snapshot's own files
    /// (a layer tar in the content store, blob = DiffID), the given config and a history entry; Parent recorded.
    /// </summary>
    Task<ImageRecord> CommitImageAsync(ImageCommitRequest request, CancellationToken cancellationToken);
}

public sealed record ImageDeleteItem(string? Untagged, string? Deleted);

public sealed record ImageHistoryItem(string Id, DateTimeOffset Created, string CreatedBy, IReadOnlyList<string> Tags, long Size, string Comment);

public sealed record ImagePruneResult(IReadOnlyList<ImageDeleteItem> Deleted, long SpaceReclaimed);
