using Berth.Core.Mounts;
using Berth.Engine.Images;
using Berth.Engine.Snapshots;

namespace Berth.Engine.Tests.Images;

/// <summary>
/// Commit of a live container's layer: the blob is written in the request, the new layer's snapshot is unpacked
/// from it in the background; mounting the new image waits for it, and a restart re-unpacks a missing one.
/// </summary>
public sealed class ImageServiceCommitTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ImageServiceFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ANewImageIsMountableRightAfterItsCommit()
    {
        var committed = await CommitContainerWithFileAsync("payload\n");

        var mounts = await _f.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerB, committed, Ct);
        Assert.Equal("payload\n", File.ReadAllText(Path.Combine(TopLower(mounts), "data", "file.txt")));
        Assert.Equal(SnapshotKind.Committed, _f.Service.Snapshots.Stat(committed.TopChainId!).Kind);
        // The container's own layer is untouched by the commit and still its own.
        Assert.True(File.Exists(Path.Combine(Upper(_f.Service.ContainerLayerMounts(ImageServiceFixture.ContainerA)), "data", "file.txt")));
    }

    [Fact]
    public async Task ALayerMissingAfterACrashIsUnpackedAgainFromItsBlob()
    {
        var committed = await CommitContainerWithFileAsync("again\n");
        await _f.Service.WhenLayersUnpackedAsync();
        // The state a crash between recording the image and finishing its unpack leaves: image, blob, no snapshot.
        await _f.Service.Snapshots.RemoveAsync(committed.TopChainId!, Ct);

        var restarted = _f.Restart();
        var mounts = await restarted.PrepareContainerLayerAsync(ImageServiceFixture.ContainerB, restarted.Get(committed.Id.ToString()), Ct);
        Assert.Equal("again\n", File.ReadAllText(Path.Combine(TopLower(mounts), "data", "file.txt")));
        await restarted.WhenLayersUnpackedAsync();
        Assert.Equal(SnapshotKind.Committed, restarted.Snapshots.Stat(committed.TopChainId!).Kind);
    }

    [Fact]
    public async Task RemovingTheImageBeforeItsUnpackLeavesNoSnapshot()
    {
        var committed = await CommitContainerWithFileAsync("gone\n");
        await _f.Service.RemoveAsync(committed.Id.ToString(), force: true, noPrune: false, Ct);
        await _f.Service.WhenLayersUnpackedAsync();
        Assert.DoesNotContain(_f.Service.Snapshots.List(), s => s.Name == committed.TopChainId);
    }

    private async Task<ImageRecord> CommitContainerWithFileAsync(string content)
    {
        var busybox = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox");
        var mounts = await _f.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, busybox, Ct);
        var upper = Upper(mounts);
        Directory.CreateDirectory(Path.Combine(upper, "data"));
        await File.WriteAllTextAsync(Path.Combine(upper, "data", "file.txt"), content, Ct);
        return await _f.Service.CommitImageAsync(new ImageCommitRequest(busybox, new Berth.Core.Oci.ImageExecutionConfig(), ImageServiceFixture.ContainerA,
            ConsumeSnapshot: false, "sh", null, null, []), Ct);
    }

    private static string Option(IReadOnlyList<Mount> mounts, string name) =>
        Assert.Single(mounts).Options.Single(o => o.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private static string Upper(IReadOnlyList<Mount> mounts) => Option(mounts, "upperdir");

    private static string TopLower(IReadOnlyList<Mount> mounts) => Option(mounts, "lowerdir").Split(':')[0];
}
