using Berth.Core;
using Berth.Core.Mounts;
using Berth.Core.Oci;
using Berth.Engine.Images;

namespace Berth.Daemon.Tests.Support;

/// <summary>
/// An in-memory image service for API-shape tests: records are given by the test; names resolve by full
/// normalised tag, familiar tag, ID or ID prefix. The real service has its own tests.
/// </summary>
public sealed class FakeImageService : IImageService
{
    private readonly List<ImageRecord> _images = [];

    public List<(bool All, int Considered)> Prunes { get; } = [];

    public ImageRecord Add(string? tag, DateTimeOffset created, Dictionary<string, string>? labels = null, Digest? parent = null, long size = 1000)
    {
        var id = Digest.Compute(Guid.NewGuid().ToByteArray());
        var config = new ImageConfig { Created = created, Config = new ImageExecutionConfig { Labels = labels, Cmd = ["sh"] } };
        config.RootFs.DiffIds.Add(Digest.Compute(id.ToString().Select(c => (byte)c).ToArray()).ToString());
        var record = new ImageRecord(id, config, tag is null ? [] : [Normalise(tag)], [], null, null, size, created, parent);
        _images.Add(record);
        return record;
    }

    public async Task<ImageRecord> ImportAsync(Stream archive, string? reference, IReadOnlyList<string> changes, string? message, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await archive.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0) throw BerthException.Invalid("empty archive");
        var config = new ImageConfig { Created = DateTimeOffset.UtcNow, Comment = message };
        var record = new ImageRecord(Digest.Compute(buffer.ToArray()), config, reference is null ? [] : [Normalise(reference)], [], null, null, buffer.Length, DateTimeOffset.UtcNow, null);
        _images.Add(record);
        return record;
    }

    /// <summary>The fake has no content store: registering is the real service's business (ImageServiceRegisterTests).</summary>
    /// <summary>Nothing is ever swept in the fake: a lease has nothing to hold.</summary>
    public Task<IDisposable> LeaseBlobsAsync(IEnumerable<Digest> blobs, CancellationToken cancellationToken) =>
        Task.FromResult<IDisposable>(new NoLease());

    private sealed class NoLease : IDisposable
    {
        public void Dispose()
        {
        }
    }

    public Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<Berth.Core.References.ImageReference> references, CancellationToken cancellationToken) =>
        throw BerthException.Invalid($"manifest {manifestDigest} is missing");

    public Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<Berth.Core.References.ImageReference> references,
        IProgress<LayerUnpackProgress>? progress, CancellationToken cancellationToken) =>
        RegisterAsync(manifestDigest, references, cancellationToken);

    public Task<ImageRecord> RegisterAsync(Digest manifestDigest, IReadOnlyList<Berth.Core.References.ImageReference> references,
        IProgress<LayerUnpackProgress>? progress, Func<Digest, CancellationToken, Task> layerReady, CancellationToken cancellationToken) =>
        RegisterAsync(manifestDigest, references, cancellationToken);

    public Berth.Core.Content.IContentStore Content => throw new NotSupportedException("the fake image service has no content store");

    public ImageRecord Get(string nameOrId) => TryGet(nameOrId) ?? throw BerthException.NotFound($"No such image: {nameOrId}");

    public ImageRecord? TryGet(string nameOrId)
    {
        var name = Normalise(nameOrId);
        return _images.FirstOrDefault(i => i.RepoTags.Contains(name))
            ?? _images.FirstOrDefault(i => i.Id.ToString() == nameOrId || (nameOrId.Length >= 4 && i.Id.Encoded.StartsWith(nameOrId, StringComparison.Ordinal)));
    }

    public IReadOnlyList<ImageRecord> List() => _images.ToList();

    public Task TagAsync(string source, string target, CancellationToken cancellationToken)
    {
        var image = Get(source);
        Replace(image, image with { RepoTags = [.. image.RepoTags, Normalise(target)] });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ImageDeleteItem>> RemoveAsync(string nameOrId, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        var image = Get(nameOrId);
        var name = Normalise(nameOrId);
        if (image.RepoTags.Contains(name) && image.RepoTags.Count > 1)
        {
            Replace(image, image with { RepoTags = image.RepoTags.Where(t => t != name).ToList() });
            return Task.FromResult<IReadOnlyList<ImageDeleteItem>>([new ImageDeleteItem(name, null)]);
        }
        _images.Remove(image);
        var items = image.RepoTags.Select(t => new ImageDeleteItem(t, null)).Append(new ImageDeleteItem(null, image.Id.ToString())).ToList();
        return Task.FromResult<IReadOnlyList<ImageDeleteItem>>(items);
    }

    public IReadOnlyList<ImageHistoryItem> History(string nameOrId)
    {
        var image = Get(nameOrId);
        return [new ImageHistoryItem(image.Id.ToString(), image.Created, "/bin/sh -c #(nop) CMD [\"sh\"]", image.RepoTags, image.Size, "")];
    }

    public Task<ImagePruneResult> PruneAsync(bool all, Func<ImageRecord, bool> filter, CancellationToken cancellationToken)
    {
        var victims = _images.Where(i => (all || i.RepoTags.Count == 0) && filter(i)).ToList();
        Prunes.Add((all, _images.Count));
        foreach (var v in victims) _images.Remove(v);
        var deleted = victims.SelectMany(v => v.RepoTags.Select(t => new ImageDeleteItem(t, null)).Append(new ImageDeleteItem(null, v.Id.ToString()))).ToList();
        return Task.FromResult(new ImagePruneResult(deleted, victims.Sum(v => v.Size)));
    }

    public Task<IReadOnlyList<Mount>> PrepareContainerLayerAsync(string containerId, ImageRecord image, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("container layers are outside the image API tests");

    public IReadOnlyList<Mount> ContainerLayerMounts(string containerId) =>
        throw new InvalidOperationException("container layers are outside the image API tests");

    public Task RemoveContainerLayerAsync(string containerId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("container layers are outside the image API tests");

    public long ContainerLayerSize(string containerId) =>
        throw new InvalidOperationException("container layers are outside the image API tests");

    public IReadOnlyList<Berth.Core.Archive.FileChange> ContainerLayerChanges(string containerId) =>
        throw new InvalidOperationException("container layers are outside the image API tests");

    public Task<(string Key, string Directory)> PrepareBuildLayerAsync(ImageRecord? parent, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("build layers are outside the image API tests");

    public Task<ImageRecord> CommitImageAsync(ImageCommitRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("commits are outside the image API tests");

    private void Replace(ImageRecord old, ImageRecord updated) => _images[_images.IndexOf(old)] = updated;

    /// <summary>Enough of Docker's normalisation for tests: busybox → docker.io/library/busybox:latest.</summary>
    public static string Normalise(string name)
    {
        var withTag = name.Contains(':', StringComparison.Ordinal) && name.LastIndexOf(':') > name.LastIndexOf('/') ? name : name + ":latest";
        var firstSlash = withTag.IndexOf('/');
        var first = firstSlash < 0 ? "" : withTag[..firstSlash];
        if (firstSlash < 0) return "docker.io/library/" + withTag;
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? withTag : "docker.io/" + withTag;
    }
}
