namespace Berth.Engine.Archives;

/// <summary>
/// <c>docker save</c> and <c>docker load</c>: images to and from one tar holding both a docker-archive
/// (<c>manifest.json</c>, <c>repositories</c>) and an OCI image layout (<c>oci-layout</c>, <c>index.json</c>,
/// <c>blobs/</c>).
/// </summary>
public interface IImageArchiveService
{
    /// <summary>
    /// Resolves every name first (unknown → NotFound <c>No such image: x</c>), then returns the writer of the
    /// archive, so a caller can answer an HTTP error before it starts streaming. A name without tag saves
    /// every tag of its repository; an ID saves the image untagged.
    /// </summary>
    Task<IImageArchiveWriter> PrepareSaveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a (plain, gzip, zstd, xz or bzip2-compressed) docker-archive or OCI layout tar and registers its
    /// images. Bad archives (path traversal, missing files, digest mismatch) throw InvalidArgument and leave no
    /// image, tag, blob or layer behind.
    /// </summary>
    Task<IReadOnlyList<LoadedImage>> LoadAsync(Stream archive, CancellationToken cancellationToken);
}
