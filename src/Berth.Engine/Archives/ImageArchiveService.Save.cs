using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Images;

namespace Berth.Engine.Archives;

public sealed partial class ImageArchiveService
{
    public async Task<IImageArchiveWriter> PrepareSaveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) throw BerthException.Invalid("no images given to save");
        var order = new List<string>();
        var byId = new Dictionary<string, (ImageRecord Record, List<ImageReference> Tags)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var (record, tag) in Resolve(name))
            {
                var id = record.Id.ToString();
                if (!byId.TryGetValue(id, out var entry))
                {
                    byId[id] = entry = (record, []);
                    order.Add(id);
                }
                if (tag is not null && !entry.Tags.Contains(tag)) entry.Tags.Add(tag);
            }
        }
        var saved = new List<SavedImage>();
        foreach (var id in order)
            saved.Add(await ReadManifestAsync(byId[id].Record, byId[id].Tags, cancellationToken).ConfigureAwait(false));
        return new ImageArchiveWriter(images.Content, saved, image => PublishImageEvent(image, Events.ImageEvents.Save));
    }

    /// <summary>
    /// dockerd's save names: a tagged reference saves that tag, a bare repository name every tag of the
    /// repository, an ID or digest the image untagged.
    /// </summary>
    private IEnumerable<(ImageRecord Record, ImageReference? Tag)> Resolve(string name)
    {
        var isId = Digest.TryParse(name, out _) || ImageReference.IsFullIdentifier(name);
        if (!isId && ImageReference.TryParse(name, out var reference, out _) && !reference.IsCanonical)
        {
            if (reference.IsTagged)
            {
                if (images.TryGet(name) is { } tagged && tagged.RepoTags.Contains(reference.FamiliarString, StringComparer.Ordinal))
                    return [(tagged, reference)];
            }
            else
            {
                var all = images.List()
                    .SelectMany(image => image.RepoTags.Select(ImageReference.Parse).Where(t => t.Name == reference.Name).Select(t => (image, (ImageReference?)t)))
                    .ToList();
                if (all.Count > 0) return all;
            }
        }
        return [(images.Get(name), null)];
    }

    private async Task<SavedImage> ReadManifestAsync(ImageRecord record, List<ImageReference> tags, CancellationToken cancellationToken)
    {
        var digest = record.ManifestDigest ?? throw new BerthException($"image {record.Id} has no manifest to save");
        byte[] bytes;
        try
        {
            bytes = await images.Content.ReadBlobAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw new BerthException($"manifest {digest} of image {record.Id} is missing from the content store");
        }
        var manifest = JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageManifest)
                       ?? throw new BerthException($"manifest {digest} of image {record.Id} is empty");
        return new SavedImage(record, digest, bytes, manifest, tags);
    }
}
