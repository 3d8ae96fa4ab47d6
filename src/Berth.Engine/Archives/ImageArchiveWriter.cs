using System.Formats.Tar;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Engine.Images;

namespace Berth.Engine.Archives;

/// <summary>
/// Writes a save archive the way docker 25+ does, both formats in one tar: the OCI image layout
/// (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/&lt;hex&gt;</c>) and the docker-archive files
/// (<c>manifest.json</c> naming the same blobs, <c>repositories</c>). Blobs stream from the content store as
/// they are, each once; manifests keep their stored bytes, so image IDs and manifest digests survive a load.
/// </summary>
public sealed class ImageArchiveWriter(IContentProvider content, IReadOnlyList<SavedImage> images, Action<ImageRecord> saved) : IImageArchiveWriter
{
    private const string BlobsDirectory = "blobs/sha256/";

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        // ustar: every name fits its 100 bytes, so no PAX header per entry.
        var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        await using (tar.ConfigureAwait(false))
        {
            await WriteDirectoryAsync(tar, "blobs/", cancellationToken).ConfigureAwait(false);
            await WriteDirectoryAsync(tar, BlobsDirectory, cancellationToken).ConfigureAwait(false);
            var written = new HashSet<Digest>();
            foreach (var image in images)
            {
                foreach (var layer in image.Manifest.Layers)
                    await WriteBlobAsync(tar, layer.ParsedDigest(), written, cancellationToken).ConfigureAwait(false);
                await WriteBlobAsync(tar, image.Manifest.Config.ParsedDigest(), written, cancellationToken).ConfigureAwait(false);
                if (written.Add(image.ManifestDigest))
                    await WriteFileAsync(tar, BlobPath(image.ManifestDigest), image.ManifestBytes, cancellationToken).ConfigureAwait(false);
            }
            await WriteFileAsync(tar, ArchiveReader.IndexJson, JsonSerializer.SerializeToUtf8Bytes(Index(), OciJsonContext.Canonical.ImageIndex), cancellationToken).ConfigureAwait(false);
            await WriteFileAsync(tar, ArchiveReader.ManifestJson, JsonSerializer.SerializeToUtf8Bytes(DockerManifest(), ArchiveJsonContext.Relaxed.ListDockerArchiveManifestEntry), cancellationToken).ConfigureAwait(false);
            await WriteFileAsync(tar, ArchiveReader.OciLayout, JsonSerializer.SerializeToUtf8Bytes(new OciLayoutFile(), ArchiveJsonContext.Relaxed.OciLayoutFile), cancellationToken).ConfigureAwait(false);
            if (Repositories() is { Count: > 0 } repositories)
                await WriteFileAsync(tar, ArchiveReader.Repositories, JsonSerializer.SerializeToUtf8Bytes(repositories, ArchiveJsonContext.Relaxed.DictionaryStringDictionaryStringString), cancellationToken).ConfigureAwait(false);
        }
        foreach (var image in images) saved(image.Record);
    }

    /// <summary>index.json: one entry per tag (annotated with the full name and the tag), or one unnamed.</summary>
    private ImageIndex Index()
    {
        var index = new ImageIndex { MediaType = MediaTypes.OciIndex };
        foreach (var image in images)
        {
            var mediaType = image.Manifest.MediaType ?? MediaTypes.OciManifest;
            if (image.Tags.Count == 0)
                index.Manifests.Add(new Descriptor(mediaType, image.ManifestDigest, image.ManifestBytes.Length));
            foreach (var tag in image.Tags)
            {
                index.Manifests.Add(new Descriptor(mediaType, image.ManifestDigest, image.ManifestBytes.Length)
                {
                    Annotations = new Dictionary<string, string>
                    {
                        [OciLayoutImages.ContainerdNameAnnotation] = tag.ToString(),
                        [OciLayoutImages.RefNameAnnotation] = tag.Tag!,
                    },
                });
            }
        }
        return index;
    }

    private List<DockerArchiveManifestEntry> DockerManifest() => images.Select(image => new DockerArchiveManifestEntry
    {
        Config = BlobPath(image.Manifest.Config.ParsedDigest()),
        RepoTags = image.Tags.Count == 0 ? null : image.Tags.Select(t => t.FamiliarString).ToList(),
        Layers = image.Manifest.Layers.Select(l => BlobPath(l.ParsedDigest())).ToList(),
    }).ToList();

    /// <summary>The legacy <c>repositories</c> file: repository → tag → the image's top layer.</summary>
    private Dictionary<string, Dictionary<string, string>> Repositories()
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            if (image.Manifest.Layers.Count == 0) continue;
            var top = image.Manifest.Layers[^1].ParsedDigest().Encoded;
            foreach (var tag in image.Tags)
            {
                if (!result.TryGetValue(tag.FamiliarName, out var tags)) result[tag.FamiliarName] = tags = new(StringComparer.Ordinal);
                tags[tag.Tag!] = top;
            }
        }
        return result;
    }

    private static string BlobPath(Digest digest) => BlobsDirectory + digest.Encoded;

    private async Task WriteBlobAsync(TarWriter tar, Digest digest, HashSet<Digest> written, CancellationToken cancellationToken)
    {
        if (!written.Add(digest)) return;
        var data = await content.OpenReadAsync(digest, cancellationToken).ConfigureAwait(false);
        await using (data.ConfigureAwait(false))
        {
            var entry = NewEntry(TarEntryType.RegularFile, BlobPath(digest));
            entry.DataStream = data;
            await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteFileAsync(TarWriter tar, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = NewEntry(TarEntryType.RegularFile, name);
        entry.DataStream = new MemoryStream(bytes, writable: false);
        await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteDirectoryAsync(TarWriter tar, string name, CancellationToken cancellationToken) =>
        tar.WriteEntryAsync(NewEntry(TarEntryType.Directory, name), cancellationToken);

    private static UstarTarEntry NewEntry(TarEntryType type, string name) => new(type, name)
    {
        Mode = type == TarEntryType.Directory
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        ModificationTime = DateTimeOffset.UnixEpoch,
    };
}
