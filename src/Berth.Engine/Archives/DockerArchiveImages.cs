using System.Text.Json;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;

namespace Berth.Engine.Archives;

/// <summary>
/// The images of a docker-archive: each <c>manifest.json</c> entry (docker 25+'s <c>blobs/sha256/…</c> paths
/// or older docker's <c>&lt;id&gt;/layer.tar</c> and <c>&lt;id&gt;.json</c>) becomes an OCI image manifest over
/// the blobs the reader stored. A layer file's digest is its DiffID when it is a plain tar; a compressed layer
/// file is fine too (its blob digest then differs from the DiffID, which unpacking checks).
/// </summary>
public static class DockerArchiveImages
{
    public static async Task<List<LoadCandidate>> PlanAsync(ArchiveContents contents, IContentStore content, CancellationToken cancellationToken)
    {
        List<DockerArchiveManifestEntry> entries;
        try
        {
            entries = JsonSerializer.Deserialize(contents.Metadata[ArchiveReader.ManifestJson], ArchiveJsonContext.Default.ListDockerArchiveManifestEntry)
                      ?? throw BerthException.Invalid("invalid archive: manifest.json is empty");
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"invalid archive: manifest.json is not valid JSON: {e.Message}");
        }
        var result = new List<LoadCandidate>();
        foreach (var entry in entries)
            result.Add(await PlanAsync(entry, contents, content, cancellationToken).ConfigureAwait(false));
        return result;
    }

    private static async Task<LoadCandidate> PlanAsync(DockerArchiveManifestEntry entry, ArchiveContents contents, IContentStore content, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(entry.Config)) throw BerthException.Invalid("invalid archive: a manifest.json entry has no Config");
        var config = contents.Find(entry.Config)
                     ?? throw BerthException.Invalid($"invalid archive: config {entry.Config} named by manifest.json is missing");
        var layers = new List<Descriptor>();
        foreach (var path in entry.Layers)
        {
            var layer = contents.Find(path)
                        ?? throw BerthException.Invalid($"invalid archive: layer {path} named by manifest.json is missing");
            layers.Add(new Descriptor(LayerMediaType(layer.Compression, path), layer.Digest, layer.Size));
        }
        var references = new List<ImageReference>();
        foreach (var tag in entry.RepoTags ?? [])
        {
            if (!ImageReference.TryParse(tag, out var reference, out var error))
                throw BerthException.Invalid($"invalid archive: invalid tag {tag} in manifest.json: {error}");
            references.Add(reference.WithDefaultTag());
        }

        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor(MediaTypes.OciConfig, config.Digest, config.Size),
            Layers = layers,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, OciJsonContext.Canonical.ImageManifest);
        var digest = Digest.Compute(bytes);
        if (!await content.ExistsAsync(digest, cancellationToken).ConfigureAwait(false))
        {
            await content.WriteBlobAsync(bytes, cancellationToken).ConfigureAwait(false);
            contents.NewBlobs.Add(digest);
        }
        return new LoadCandidate(digest, config.Digest, references);
    }

    private static string LayerMediaType(Compression compression, string path) => compression switch
    {
        Compression.None => MediaTypes.OciLayer,
        Compression.Gzip => MediaTypes.OciLayerGzip,
        Compression.Zstd => MediaTypes.OciLayerZstd,
        _ => throw BerthException.Invalid($"invalid archive: layer {path} is {compression.ToString().ToLowerInvariant()}-compressed; layers may be plain, gzip or zstd"),
    };
}
