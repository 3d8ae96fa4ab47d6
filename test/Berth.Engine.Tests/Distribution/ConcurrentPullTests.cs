using System.Globalization;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Distribution;
using Berth.Engine.Snapshots;
using Berth.Engine.Tests.Images;

namespace Berth.Engine.Tests.Distribution;

/// <summary>
/// Pulls hold the image service's write lock only to claim and to record: a pull waiting on a layer download
/// blocks no other image work, and pulls sharing layers unpack each layer once.
/// </summary>
public sealed class ConcurrentPullTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DistributionFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static ImageReference Ref(string text) => ImageReference.Parse($"{FakeRegistry.Host}/{text}");

    private static Digest BlobOf((byte[] Blob, Digest DiffId) layer) => Digest.Compute(layer.Blob);

    [Fact]
    public async Task APullWaitingForALayerBlocksNoOtherPullTagInspectCreateOrRemove()
    {
        var first = DistributionFixture.Layer("first", 20_000, gzip: true);
        var slow = DistributionFixture.Layer("slow", 30_000, gzip: true);
        _f.PublishImage("slow", "1", "amd64", first, slow);
        _f.PublishImage("other", "1", "amd64", DistributionFixture.Layer("other", 10_000, gzip: true));
        var requested = _f.Registry.GateBlob(BlobOf(slow));
        var firstDone = new Completion(BlobOf(first).Short, "Pull complete");

        var pull = Task.Run(() => _f.Pulls.PullAsync(Ref("slow:1"), null, null, firstDone, Ct));
        await requested.WaitAsync(Timeout);
        await firstDone.Seen.WaitAsync(Timeout); // the first layer is committed, its image not yet recorded

        var other = await _f.Pulls.PullAsync(Ref("other:1"), null, null, _f.Sink, Ct).WaitAsync(Timeout);
        var images = _f.Images.Service;
        await images.TagAsync($"{FakeRegistry.Host}/other:1", $"{FakeRegistry.Host}/other:tagged", Ct).WaitAsync(Timeout);
        Assert.Equal(other.Image.Id, images.Get($"{FakeRegistry.Host}/other:tagged").Id);
        Assert.NotEmpty(await images.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, other.Image, Ct).WaitAsync(Timeout));
        await images.RemoveContainerLayerAsync(ImageServiceFixture.ContainerA, Ct).WaitAsync(Timeout); // sweeps layers
        await images.RemoveAsync(other.Image.Id.ToString(), force: true, noPrune: false, Ct).WaitAsync(Timeout); // sweeps too
        Assert.Null(images.TryGet($"{FakeRegistry.Host}/other:1"));
        Assert.False(pull.IsCompleted);

        var chain = ChainId.Of([first.DiffId, slow.DiffId]);
        Assert.Equal(SnapshotKind.Committed, images.Snapshots.Stat(chain[0].ToString()).Kind); // the sweeps left the claimed layer
        _f.Registry.ReleaseBlob(BlobOf(slow));
        var pulled = await pull.WaitAsync(Timeout);

        Assert.Equal(pulled.Image.Id, images.Get($"{FakeRegistry.Host}/slow:1").Id);
        Assert.All(chain, c => Assert.Equal(SnapshotKind.Committed, images.Snapshots.Stat(c.ToString()).Kind));
        Assert.NotEmpty(await images.PrepareContainerLayerAsync(ImageServiceFixture.ContainerB, pulled.Image, Ct));
    }

    [Fact]
    public async Task ConcurrentPullsOfImagesSharingLayersBothSucceedWithOneSnapshotPerLayer()
    {
        var base0 = DistributionFixture.Layer("base0", 400_000, gzip: true);
        var base1 = DistributionFixture.Layer("base1", 200_000, gzip: true);
        var topA = DistributionFixture.Layer("a", 10_000, gzip: true);
        var topB = DistributionFixture.Layer("b", 11_000, gzip: true);
        _f.PublishImage("a", "1", "amd64", base0, base1, topA);
        _f.PublishImage("b", "1", "amd64", base0, base1, topB);
        var baseRequested = _f.Registry.GateBlob(BlobOf(base0));
        var topBRequested = _f.Registry.GateBlob(BlobOf(topB));
        var progressA = new Completion("", "");
        var progressB = new Completion("", "");

        var pullA = Task.Run(() => _f.Pulls.PullAsync(Ref("a:1"), null, null, progressA, Ct));
        await baseRequested.WaitAsync(Timeout);
        var pullB = Task.Run(() => _f.Pulls.PullAsync(Ref("b:1"), null, null, progressB, Ct));
        await topBRequested.WaitAsync(Timeout);
        _f.Registry.ReleaseBlob(BlobOf(topB));
        _f.Registry.ReleaseBlob(BlobOf(base0));
        var (a, b) = (await pullA.WaitAsync(Timeout), await pullB.WaitAsync(Timeout));

        var snapshots = _f.Images.Service.Snapshots.List();
        Assert.DoesNotContain(snapshots, s => s.Kind != SnapshotKind.Committed);
        var chainA = ChainId.Of([base0.DiffId, base1.DiffId, topA.DiffId]).Select(c => c.ToString()).ToList();
        var chainB = ChainId.Of([base0.DiffId, base1.DiffId, topB.DiffId]).Select(c => c.ToString()).ToList();
        Assert.Equal(chainA.Union(chainB).Order(StringComparer.Ordinal), snapshots.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(chainA[1], _f.Images.Service.Snapshots.Stat(chainB[2]).Parent);
        var directories = Directory.EnumerateDirectories(((OverlaySnapshotter)_f.Images.Service.Snapshots).Root)
            .Count(d => long.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out _));
        Assert.Equal(snapshots.Count, directories); // no second copy of a layer left behind
        // Both pulls downloaded (or waited for) the shared base layer; only one extracted it.
        var extractions = progressA.Lines.Concat(progressB.Lines)
            .Count(p => p.Status == "Extracting" && p.Id == BlobOf(base0).Short && p.Current == 0);
        Assert.Equal(1, extractions);
        Assert.Equal(a.Image.Config.RootFs.DiffIds[..2], b.Image.Config.RootFs.DiffIds[..2]);
        Assert.NotEmpty(await _f.Images.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, a.Image, Ct));
        Assert.NotEmpty(await _f.Images.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerB, b.Image, Ct));
    }

    [Fact]
    public async Task RemovingAnImageWhileAPullNeedsItsLayersAndBlobsKeepsThem()
    {
        var shared = DistributionFixture.Layer("shared", 30_000, gzip: true);
        var slow = DistributionFixture.Layer("slow", 20_000, gzip: true);
        _f.PublishImage("old", "1", "amd64", shared);
        _f.PublishImage("new", "1", "amd64", shared, slow);
        var old = await _f.Pulls.PullAsync(Ref("old:1"), null, null, _f.Sink, Ct);
        var requested = _f.Registry.GateBlob(BlobOf(slow));

        var pull = Task.Run(() => _f.Pulls.PullAsync(Ref("new:1"), null, null, _f.Sink, Ct));
        await requested.WaitAsync(Timeout);
        var removed = await _f.Images.Service.RemoveAsync($"{FakeRegistry.Host}/old:1", force: false, noPrune: false, Ct).WaitAsync(Timeout);
        Assert.Contains(removed, r => r.Deleted == old.Image.Id.ToString());
        _f.Registry.ReleaseBlob(BlobOf(slow));
        var pulled = await pull.WaitAsync(Timeout);

        Assert.True(await _f.Images.Service.Content.ExistsAsync(BlobOf(shared), Ct));
        Assert.Equal(SnapshotKind.Committed, _f.Images.Service.Snapshots.Stat(shared.DiffId.ToString()).Kind);
        Assert.NotEmpty(await _f.Images.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, pulled.Image, Ct));
    }

    /// <summary>Collects a pull's progress lines and completes <see cref="Seen"/> at the first line with this id and status.</summary>
    private sealed class Completion(string id, string status) : IProgress<TransferProgress>
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<TransferProgress> Lines { get; } = [];

        public Task Seen => _seen.Task;

        public void Report(TransferProgress value)
        {
            lock (Lines) Lines.Add(value);
            if (value.Id == id && value.Status == status) _seen.TrySetResult();
        }
    }
}
