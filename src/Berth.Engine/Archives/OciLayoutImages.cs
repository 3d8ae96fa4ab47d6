using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;

namespace Berth.Engine.Archives;

/// <summary>
/// The images of an OCI image layout (image-layout.md): every manifest <c>index.json</c> names, nested indexes
/// resolved to their linux/amd64 manifest. Names come from the <c>io.containerd.image.name</c> annotation, or
/// from <c>org.opencontainers.image.ref.name</c> when that is a whole reference (a bare tag names nothing).
/// The layout must be complete, as containerd's import requires: every index, manifest, config and layer blob an
/// image needs must be in the archive under <c>blobs/&lt;alg&gt;/&lt;encoded&gt;</c>, even when the local store has it.
/// </summary>
public static class OciLayoutImages
{
    public const string ContainerdNameAnnotation = "io.containerd.image.name";
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    private const int MaxIndexDepth = 4;

    public static async Task<List<LoadCandidate>> PlanAsync(ArchiveContents contents, IContentStore content, CancellationToken cancellationToken)
    {
        var index = ParseIndex(contents.Metadata[ArchiveReader.IndexJson], "index.json");
        var byManifest = new Dictionary<Digest, LoadCandidate>();
        var result = new List<LoadCandidate>();
        foreach (var descriptor in index.Manifests)
        {
            var manifestDescriptor = await ResolveAsync(descriptor, contents, content, 0, cancellationToken).ConfigureAwait(false);
            if (manifestDescriptor is null) continue;
            var digest = manifestDescriptor.ParsedDigest();
            if (!byManifest.TryGetValue(digest, out var candidate))
            {
                var manifest = await ReadManifestAsync(digest, contents, content, cancellationToken).ConfigureAwait(false);
                foreach (var blob in manifest.Layers.Append(manifest.Config))
                    RequireInArchive(blob.ParsedDigest(), contents, $" of manifest {digest}");
                candidate = new LoadCandidate(digest, manifest.Config.ParsedDigest(), []);
                byManifest[digest] = candidate;
                result.Add(candidate);
            }
            if (NameOf(descriptor) is { } reference && !candidate.References.Contains(reference)) candidate.References.Add(reference);
        }
        return result;
    }

    /// <summary>The image manifest a descriptor leads to; null for content that is no image (attestations, artifacts).</summary>
    private static async Task<Descriptor?> ResolveAsync(Descriptor descriptor, ArchiveContents contents, IContentStore content, int depth,
        CancellationToken cancellationToken)
    {
        if (MediaTypes.IsManifest(descriptor.MediaType)) return descriptor;
        if (!MediaTypes.IsIndex(descriptor.MediaType)) return null;
        if (depth >= MaxIndexDepth) throw BerthException.Invalid("invalid archive: image indexes nested too deeply");
        var digest = descriptor.ParsedDigest();
        var index = ParseIndex(await ReadBlobAsync(digest, contents, content, cancellationToken).ConfigureAwait(false), $"index {digest}");
        var manifests = index.Manifests.Where(m => MediaTypes.IsManifest(m.MediaType) || MediaTypes.IsIndex(m.MediaType)).ToList();
        var chosen = manifests.FirstOrDefault(m => m.Platform is { Os: "linux", Architecture: "amd64" })
                     ?? manifests.FirstOrDefault(m => m.Platform is null && MediaTypes.IsIndex(m.MediaType))
                     ?? throw BerthException.Invalid($"invalid archive: index {digest} has no linux/amd64 image");
        return await ResolveAsync(chosen, contents, content, depth + 1, cancellationToken).ConfigureAwait(false);
    }

    private static ImageReference? NameOf(Descriptor descriptor)
    {
        var annotations = descriptor.Annotations;
        if (annotations is null) return null;
        if (annotations.TryGetValue(ContainerdNameAnnotation, out var name) && ImageReference.TryParse(name, out var full, out _))
            return full.WithDefaultTag();
        if (annotations.TryGetValue(RefNameAnnotation, out var refName) && (refName.Contains('/', StringComparison.Ordinal) || refName.Contains(':', StringComparison.Ordinal))
            && ImageReference.TryParse(refName, out var reference, out _))
            return reference.WithDefaultTag();
        return null;
    }

    private static ImageIndex ParseIndex(byte[] bytes, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageIndex)
                   ?? throw BerthException.Invalid($"invalid archive: {what} is empty");
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"invalid archive: {what} is not valid JSON: {e.Message}");
        }
    }

    private static async Task<ImageManifest> ReadManifestAsync(Digest digest, ArchiveContents contents, IContentStore content, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize(await ReadBlobAsync(digest, contents, content, cancellationToken).ConfigureAwait(false), OciJsonContext.Default.ImageManifest)
                   ?? throw BerthException.Invalid($"invalid archive: manifest {digest} is empty");
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"invalid archive: manifest {digest} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Reads a blob the archive holds (the reader stored it); one only the local store has does not count.</summary>
    private static async Task<byte[]> ReadBlobAsync(Digest digest, ArchiveContents contents, IContentStore content, CancellationToken cancellationToken)
    {
        RequireInArchive(digest, contents, "");
        try
        {
            return await content.ReadBlobAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw BerthException.Invalid($"invalid archive: blob {digest} is missing");
        }
    }

    /// <summary>Throws unless the archive has the blob at its layout path (image-layout.md: <c>blobs/&lt;alg&gt;/&lt;encoded&gt;</c>).</summary>
    private static void RequireInArchive(Digest digest, ArchiveContents contents, string of)
    {
        if (contents.Find($"blobs/{digest.Algorithm}/{digest.Encoded}") is not { } blob || blob.Digest != digest)
            throw BerthException.Invalid($"invalid archive: blob {digest}{of} not found in archive");
    }
}
