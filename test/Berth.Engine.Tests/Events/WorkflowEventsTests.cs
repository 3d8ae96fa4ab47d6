using Berth.Api;
using Berth.Engine.Containers;
using Berth.Engine.Events;
using Berth.Engine.Images;
using Berth.Engine.Tests.Images;
using Berth.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Events;

/// <summary>The events the image workflows publish, and dockerd's actor attributes for containers.</summary>
public sealed class WorkflowEventsTests : IDisposable
{
    private readonly TestDirectory _dir = new("berth-image-events");
    private readonly RecordingPublisher _events = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ImportTagAndRemovePublishDockersImageEvents()
    {
        var images = new ImageService(_dir.Path, new FakeImageUsage(), TimeProvider.System, NullLogger<ImageService>.Instance, _events);
        var image = await images.ImportAsync(new MemoryStream(ImageServiceFixture.BusyboxRootfs()), "busybox", ["LABEL tier=base"], null, CancellationToken.None);
        var id = image.Id.ToString();
        await images.TagAsync("busybox", "bb:1", CancellationToken.None);
        await images.RemoveAsync("bb:1", force: false, noPrune: false, CancellationToken.None);
        await images.RemoveAsync("busybox", force: false, noPrune: false, CancellationToken.None);

        Assert.Equal(
            [("tag", "busybox:latest"), ("import", id), ("tag", "bb:1"), ("untag", id), ("untag", id), ("delete", id)],
            _events.Published.Select(e => (e.Action, e.Attributes["name"])));
        Assert.All(_events.Published, e => Assert.Equal((EventTypes.Image, id), (e.Type, e.ActorId)));
        Assert.Equal("base", _events.Published[0].Attributes["tier"]); // the image's labels while it exists
        Assert.False(_events.Published[^1].Attributes.ContainsKey("tier"));
    }

    [Fact]
    public void ContainerAttributesAreLabelsImageAndName()
    {
        var record = new ContainerRecord
        {
            Id = new string('a', 64),
            Name = "web",
            Created = DateTimeOffset.UnixEpoch,
            ImageId = "sha256:" + new string('b', 64),
            ImageName = "busybox",
            Config = new ContainerConfig { Image = "busybox", Labels = new() { ["tier"] = "front", ["name"] = "label-loses" } },
            HostConfig = new HostConfig(),
            Path = "sh",
            Args = [],
        };
        var ev = _events.PublishContainerEvent(record, ContainerEvents.Die, new Dictionary<string, string> { ["exitCode"] = "3" });
        Assert.Equal((EventTypes.Container, "die", record.Id), (ev.Type, ev.Action, ev.ActorId));
        Assert.Equal(
            new Dictionary<string, string> { ["tier"] = "front", ["name"] = "web", ["image"] = "busybox", ["exitCode"] = "3" },
            ev.Attributes);
    }

    private sealed class RecordingPublisher : IEventPublisher
    {
        public List<EventRecord> Published { get; } = [];

        public EventRecord Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string> attributes)
        {
            var ev = new EventRecord(type, action, actorId, new Dictionary<string, string>(attributes), EventRecord.LocalScope, Published.Count);
            Published.Add(ev);
            return ev;
        }
    }
}
