using Berth.Core;
using Berth.Core.Content;
using Berth.Engine.Images;

namespace Berth.Engine.Tests.Images;

public sealed class ImageServiceRemoveTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ImageServiceFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<IReadOnlyList<ImageDeleteItem>> Rmi(string name, bool force = false) => _f.Service.RemoveAsync(name, force, noPrune: false, Ct);

    private static async Task<string> ConflictMessage(Func<Task> action)
    {
        var ex = await Assert.ThrowsAsync<BerthException>(action);
        Assert.Equal(ErrorKind.Conflict, ex.Kind);
        return ex.Message;
    }

    [Fact]
    public async Task TagListAndUntag()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox");
        await _f.Service.TagAsync("busybox", "mybox:1", Ct);
        await _f.Service.TagAsync(image.Id.Short, "localhost:5000/x", Ct);
        var listed = Assert.Single(_f.Service.List());
        Assert.Equal(["busybox:latest", "localhost:5000/x:latest", "mybox:1"], listed.RepoTags.Order().ToArray());
        await Assert.ThrowsAsync<BerthException>(() => _f.Service.TagAsync("nope", "x", Ct));
        var digestTag = await Assert.ThrowsAsync<BerthException>(() => _f.Service.TagAsync("busybox", "x@sha256:" + new string('a', 64), Ct));
        Assert.Equal(ErrorKind.InvalidArgument, digestTag.Kind);

        Assert.Equal([new ImageDeleteItem("mybox:1", null)], await Rmi("mybox:1"));
        Assert.Equal([new ImageDeleteItem("localhost:5000/x:latest", null)], await Rmi("localhost:5000/x"));
        Assert.Equal(["busybox:latest"], _f.Service.Get(image.Id.ToString()).RepoTags);
    }

    [Fact]
    public async Task RemovingTheLastTagDeletesImageLayerAndBlobs()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox");
        var items = await Rmi("busybox");
        Assert.Equal(
        [
            new ImageDeleteItem("busybox:latest", null),
            new ImageDeleteItem(null, image.Id.ToString()),
            new ImageDeleteItem(null, image.TopChainId),
        ], items);
        Assert.Empty(_f.Service.List());
        Assert.Empty(_f.Service.Snapshots.List());
        Assert.Empty(await _f.Service.Content.ListAsync(Ct));
        var ex = await Assert.ThrowsAsync<BerthException>(() => Rmi("busybox"));
        Assert.Equal("No such image: busybox", ex.Message);
        Assert.Empty(_f.Restart().List());
    }

    [Fact]
    public async Task SharedLayerStaysWhileAnotherImageUsesIt()
    {
        var tar = ImageServiceFixture.BusyboxRootfs();
        var a = await _f.ImportAsync(tar, "a", message: "a");
        var b = await _f.ImportAsync(tar, "b", message: "b");
        Assert.Equal([new ImageDeleteItem("a:latest", null), new ImageDeleteItem(null, a.Id.ToString())], await Rmi("a"));
        Assert.Single(_f.Service.Snapshots.List());
        Assert.True(await _f.Service.Content.ExistsAsync(Digest.Parse(b.TopChainId!), Ct));
        Assert.False(await _f.Service.Content.ExistsAsync(a.Id, Ct));
    }

    [Fact]
    public async Task ConflictsAreWordedLikeDockerd()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox");
        var id = image.Id.Short;

        // By ID with several repositories.
        await _f.Service.TagAsync("busybox", "other:1", Ct);
        Assert.Equal($"conflict: unable to delete {id} (must be forced) - image is referenced in multiple repositories",
            await ConflictMessage(() => Rmi(id)));
        await Rmi("other:1");

        // By its only tag while a container uses it.
        _f.Usage.Use(image.Id, ImageServiceFixture.ContainerA);
        Assert.Equal($"conflict: unable to remove repository reference \"busybox\" (must force) - container 0123456789ab is using its referenced image {id}",
            await ConflictMessage(() => Rmi("busybox")));
        // By ID while a stopped container uses it.
        Assert.Equal($"conflict: unable to delete {id} (must be forced) - image is being used by stopped container 0123456789ab",
            await ConflictMessage(() => Rmi(image.Id.ToString())));

        // A running container blocks even with force.
        _f.Usage.Use(image.Id, ImageServiceFixture.ContainerB, running: true);
        Assert.Equal($"conflict: unable to delete {id} (cannot be forced) - image is being used by running container fedcba987654",
            await ConflictMessage(() => Rmi(id, force: true)));
        Assert.Single(_f.Service.List());

        // Forcing the untag while it runs leaves the image, dangling, in place.
        Assert.Equal([new ImageDeleteItem("busybox:latest", null)], await Rmi("busybox", force: true));
        Assert.Empty(_f.Service.Get(id).RepoTags);
    }

    [Fact]
    public async Task ForcedRemovalUnderAStoppedContainerKeepsItsLayerUntilTheContainerGoes()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox");
        await _f.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, image, Ct);
        _f.Usage.Use(image.Id, ImageServiceFixture.ContainerA);

        var items = await Rmi(image.Id.Short, force: true);
        Assert.Equal([new ImageDeleteItem("busybox:latest", null), new ImageDeleteItem(null, image.Id.ToString())], items);
        Assert.Equal(2, _f.Service.Snapshots.List().Count);

        await _f.Service.RemoveContainerLayerAsync(ImageServiceFixture.ContainerA, Ct);
        Assert.Empty(_f.Service.Snapshots.List());
    }

    [Fact]
    public async Task HistoryIsNewestFirstWithTheImageIdOnTop()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox", message: "hello");
        var item = Assert.Single(_f.Service.History("busybox"));
        Assert.Equal(image.Id.ToString(), item.Id);
        Assert.Equal(["busybox:latest"], item.Tags);
        Assert.Equal(image.Size, item.Size);
        Assert.Equal("hello", item.Comment);
        Assert.Equal("", item.CreatedBy);
        Assert.Equal(image.Created, item.Created);
        Assert.Throws<BerthException>(() => _f.Service.History("nope"));
    }

    [Fact]
    public async Task PruneRemovesDanglingOrAllUnused()
    {
        var dangling = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs("1"), null);
        var tagged = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs("2"), "tagged");
        var used = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs("3"), "used");
        _f.Usage.Use(used.Id, ImageServiceFixture.ContainerA);

        var result = await _f.Service.PruneAsync(all: false, _ => true, Ct);
        Assert.Equal([new ImageDeleteItem(null, dangling.Id.ToString()), new ImageDeleteItem(null, dangling.TopChainId)], result.Deleted);
        Assert.Equal(dangling.Size, result.SpaceReclaimed);
        Assert.Equal(2, _f.Service.List().Count);

        var filtered = await _f.Service.PruneAsync(all: true, r => r.Id != tagged.Id, Ct);
        Assert.Empty(filtered.Deleted);

        var all = await _f.Service.PruneAsync(all: true, _ => true, Ct);
        Assert.Contains(new ImageDeleteItem("tagged:latest", null), all.Deleted);
        Assert.Contains(new ImageDeleteItem(null, tagged.Id.ToString()), all.Deleted);
        Assert.Equal(tagged.Size, all.SpaceReclaimed);
        Assert.Equal(used.Id, Assert.Single(_f.Service.List()).Id);
    }
}
