using System.Collections.Immutable;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Storage;

namespace Berth.Engine.Images;

/// <summary>
/// Image metadata only (ARCHITECTURE.md §3): one file per image under <c>&lt;dataRoot&gt;/images/images/</c> and one
/// references file, each written with <see cref="AtomicFile"/>. An image file is written before any reference
/// to it and references are removed before the image file, so a crash never leaves a tag to a missing image
/// (and start-up drops any such tag anyway). Callers serialise writes; <see cref="State"/> is lock-free.
/// </summary>
public sealed class ImageStore
{
    private readonly string _imagesDir;
    private readonly string _referencesPath;
    private volatile ImageStoreState _state;

    private ImageStore(string root, ImageStoreState state)
    {
        _imagesDir = Path.Combine(root, "images");
        _referencesPath = Path.Combine(root, "repositories.json");
        _state = state;
    }

    public ImageStoreState State => _state;

    /// <summary>Loads the store (start-up, synchronous), removing temp files a crash left.</summary>
    public static ImageStore Open(string dataRoot)
    {
        var root = Path.Combine(dataRoot, "images");
        var imagesDir = Path.Combine(root, "images");
        Directory.CreateDirectory(imagesDir);
        RemoveTempFiles(root);
        RemoveTempFiles(imagesDir);
        var images = ImageStoreState.Empty.Images.ToBuilder();
        foreach (var file in Directory.EnumerateFiles(imagesDir, "*.json"))
        {
            var image = JsonSerializer.Deserialize(File.ReadAllBytes(file), ImageStoreJsonContext.Default.StoredImage);
            if (image is not null) images[image.Id] = image;
        }
        var references = ImageStoreState.Empty.References.ToBuilder();
        var referencesPath = Path.Combine(root, "repositories.json");
        if (File.Exists(referencesPath))
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllBytes(referencesPath), ImageStoreJsonContext.Default.StoredReferences);
            foreach (var (name, id) in stored?.References ?? new Dictionary<string, string>())
            {
                if (images.ContainsKey(id)) references[name] = id;
            }
        }
        return new ImageStore(root, new ImageStoreState(images.ToImmutable(), references.ToImmutable()));
    }

    public async Task PutImageAsync(StoredImage image, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(image, ImageStoreJsonContext.Default.StoredImage);
        await AtomicFile.WriteAllBytesAsync(ImagePath(image.Id), bytes, cancellationToken).ConfigureAwait(false);
        _state = _state with { Images = _state.Images.SetItem(image.Id, image) };
    }

    /// <summary>Removes the image and every reference to it (references first).</summary>
    public async Task DeleteImageAsync(string imageId, CancellationToken cancellationToken)
    {
        var refs = _state.ReferencesTo(imageId).ToList();
        if (refs.Count > 0) await SaveReferencesAsync(_state.References.RemoveRange(refs), cancellationToken).ConfigureAwait(false);
        var path = ImagePath(imageId);
        if (File.Exists(path))
        {
            File.Delete(path);
            AtomicFile.SyncDirectory(_imagesDir);
        }
        _state = _state with { Images = _state.Images.Remove(imageId) };
    }

    /// <summary>Points <paramref name="reference"/> at <paramref name="imageId"/> (moving it from another image).</summary>
    public Task SetReferenceAsync(string reference, string imageId, CancellationToken cancellationToken)
    {
        if (!_state.Images.ContainsKey(imageId)) throw BerthException.NotFound($"No such image: {imageId}");
        // Re-tagging with the same image (a fully cached rebuild) changes nothing on disk.
        if (_state.References.TryGetValue(reference, out var current) && current == imageId) return Task.CompletedTask;
        return SaveReferencesAsync(_state.References.SetItem(reference, imageId), cancellationToken);
    }

    public Task RemoveReferencesAsync(IEnumerable<string> references, CancellationToken cancellationToken) =>
        SaveReferencesAsync(_state.References.RemoveRange(references), cancellationToken);

    private async Task SaveReferencesAsync(ImmutableSortedDictionary<string, string> references, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new StoredReferences(1, references), ImageStoreJsonContext.Default.StoredReferences);
        await AtomicFile.WriteAllBytesAsync(_referencesPath, bytes, cancellationToken).ConfigureAwait(false);
        _state = _state with { References = references };
    }

    private string ImagePath(string imageId) => Path.Combine(_imagesDir, Digest.Parse(imageId).Encoded + ".json");

    private static void RemoveTempFiles(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, ".*.tmp")) File.Delete(file);
    }
}
