using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Core.Content;
using Berth.Engine.Events;
using Berth.Engine.Snapshots;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Images;

/// <summary>
/// The image workflows over the content store (blobs), the image store (records, tags) and the overlay
/// snapshotter (layers named by ChainID). One writer at a time (a semaphore, never held by readers), held only
/// for short store mutations: pulls and loads download and unpack outside it, under claims (see
/// ImageService.Claims.cs). Reads use an immutable <see cref="ImageView"/>. Layers are reclaimed by
/// mark-and-sweep from the remaining images and the claims, not by reference counts.
/// </summary>
public sealed partial class ImageService : IImageService
{
    /// <summary>Key prefix of the active snapshots layers are extracted into before they are committed.</summary>
    private const string ExtractKeyPrefix = "extract-";

    private readonly IImageUsage _usage;
    private readonly TimeProvider _time;
    private readonly ILogger<ImageService> _logger;
    private readonly IEventPublisher _events;
    private readonly FileContentStore _content;
    private readonly OverlaySnapshotter _snapshots;
    private readonly ImageStore _store;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<Guid, string> _blobsInFlight = new();
    private ImmutableDictionary<string, ImageConfig> _configs;
    private volatile ImageView _view;

    public ImageService(string dataRoot, IImageUsage usage, TimeProvider time, ILogger<ImageService> logger, IEventPublisher? events = null)
    {
        _events = events ?? NullEventPublisher.Instance;
        _usage = usage;
        _time = time;
        _logger = logger;
        _content = new FileContentStore(dataRoot, time);
        // Nothing is open before start-up: every ingest and half-extracted layer is left from a crash. Partial
        // downloads younger than a week stay: the next pull resumes them with HTTP Range.
        var keepDownloadsSince = time.GetUtcNow() - TimeSpan.FromDays(7);
        var stale = _content.RemoveStaleIngests(DateTimeOffset.MaxValue, ingest =>
            ingest.Reference.StartsWith(Distribution.BlobDownloader.IngestPrefix, StringComparison.Ordinal) && ingest.UpdatedAt >= keepDownloadsSince);
        if (stale > 0) ImageServiceLog.StaleIngests(logger, stale);
        _snapshots = OverlaySnapshotter.Open(dataRoot, time,
            s => s.Kind != SnapshotKind.Committed && s.Name.StartsWith(ExtractKeyPrefix, StringComparison.Ordinal));
        _store = ImageStore.Open(dataRoot);
        var configs = ImmutableDictionary.CreateBuilder<string, ImageConfig>(StringComparer.Ordinal);
        foreach (var image in _store.State.Images.Values)
        {
            try
            {
                var bytes = File.ReadAllBytes(_content.BlobPath(Digest.Parse(image.Id)));
                configs[image.Id] = JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageConfig)
                                    ?? throw new BerthException($"image config {image.Id} is empty");
            }
            catch (Exception e) when (e is IOException or JsonException or BerthException)
            {
                ImageServiceLog.MissingConfig(logger, image.Id, e);
            }
        }
        _configs = configs.ToImmutable();
        _view = ImageView.Build(_store.State, _configs);
        ScheduleMissingLayers();
        ImageServiceLog.Loaded(logger, _view.Records.Count, _store.State.References.Count);
    }

    /// <summary>The blob store (pull and load write here).</summary>
    public IContentStore Content => _content;

    /// <summary>The layer snapshotter.</summary>
    public ISnapshotter Snapshots => _snapshots;

    public ImageRecord Get(string nameOrId) => TryGet(nameOrId) ?? throw NoSuchImage(nameOrId);

    public ImageRecord? TryGet(string nameOrId) => _view.Resolve(nameOrId);

    public IReadOnlyList<ImageRecord> List() => _view.Records;

    public async Task TagAsync(string source, string target, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(target);
        if (reference.IsCanonical) throw BerthException.Invalid("refusing to create a tag with a digest reference");
        reference = reference.WithDefaultTag();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var image = _view.Resolve(source) ?? throw NoSuchImage(source);
            await _store.SetReferenceAsync(reference.ToString(), image.Id.ToString(), cancellationToken).ConfigureAwait(false);
            PublishImageEvent(image.Id.ToString(), reference.FamiliarString, Events.ImageEvents.Tag);
        }
        finally
        {
            Publish();
            _writeLock.Release();
        }
    }

    private static BerthException NoSuchImage(string nameOrId) => BerthException.NotFound($"No such image: {nameOrId}");

    /// <summary>Makes the store's current state the read view. Called by writers before releasing the lock.</summary>
    private void Publish() => _view = ImageView.Build(_store.State, _configs);

    /// <summary>The references naming an image, parsed.</summary>
    private List<ImageReference> ReferencesTo(string imageId) =>
        _store.State.ReferencesTo(imageId).Select(ImageReference.Parse).ToList();

    /// <summary>Docker's stringid.TruncateID: without algorithm, 12 characters.</summary>
    private static string TruncateId(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) id = id[(colon + 1)..];
        return id.Length > 12 ? id[..12] : id;
    }
}
