using Berth.Engine.Events;

namespace Berth.Engine.Tests.Events;

public sealed class EventFilterTests
{
    private const string ContainerId = "4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";
    private const string ImageId = "sha256:6e886a4cd3a589cc3b56a161eceeb9cb9e28143ebbc7230d70140a45b002fae0";

    private static readonly EventRecord Start = Container("start");
    private static readonly EventRecord Tag = new(EventTypes.Image, "tag", ImageId,
        new Dictionary<string, string> { ["name"] = "busybox:1", ["maintainer"] = "me" }, "local", 1);

    private static EventRecord Container(string action) => new(EventTypes.Container, action, ContainerId,
        new Dictionary<string, string> { ["name"] = "web", ["image"] = "busybox:latest", ["tier"] = "front" }, "local", 1);

    private static bool Matches(EventRecord ev, string key, params string[] values) =>
        new EventFilter(new Dictionary<string, IReadOnlyList<string>> { [key] = values }).Matches(ev);

    [Fact]
    public void NoFilterMatchesEverything()
    {
        Assert.True(EventFilter.None.Matches(Start));
        Assert.True(EventFilter.None.Matches(Tag));
    }

    [Fact]
    public void TypeAndScopeMatchExactly()
    {
        Assert.True(Matches(Start, "type", "container"));
        Assert.True(Matches(Tag, "type", "container", "image"));
        Assert.False(Matches(Tag, "type", "container"));
        Assert.True(Matches(Start, "scope", "local"));
        Assert.False(Matches(Start, "scope", "swarm"));
    }

    [Fact]
    public void EventMatchesTheActionAndPrefixesOnlyForExecAndHealth()
    {
        Assert.True(Matches(Start, "event", "start"));
        Assert.False(Matches(Start, "event", "sta"));
        Assert.False(Matches(Container("die"), "event", "start", "stop"));
        Assert.Equal("exec_start: sh -c date", ContainerEvents.ExecAction(ContainerEvents.ExecStart, "sh", ["-c", "date"]));
        Assert.Equal("exec_create: true ", ContainerEvents.ExecAction(ContainerEvents.ExecCreate, "true", []));
        Assert.Equal("health_status: healthy", ContainerEvents.HealthStatusAction("healthy"));
        var exec = Container(ContainerEvents.ExecAction(ContainerEvents.ExecStart, "sh", ["-c", "date"]));
        Assert.True(Matches(exec, "event", "exec_start"));
        Assert.False(Matches(exec, "event", "die"));
        Assert.True(Matches(Container(ContainerEvents.HealthStatusAction("healthy")), "event", "health_status"));
    }

    [Fact]
    public void ContainerMatchesAnIdPrefixOrTheNameAndExcludesImages()
    {
        Assert.True(Matches(Start, "container", ContainerId));
        Assert.True(Matches(Start, "container", ContainerId[..12]));
        Assert.True(Matches(Start, "container", "web"));
        Assert.False(Matches(Start, "container", "db"));
        Assert.False(Matches(Tag, "container", "web"));
        Assert.False(Matches(Start, "network", "bridge"));
    }

    [Fact]
    public void ImageMatchesIdOrNameWithOrWithoutTag()
    {
        Assert.True(Matches(Start, "image", "busybox"));
        Assert.True(Matches(Start, "image", "busybox:latest"));
        Assert.False(Matches(Start, "image", "alpine"));
        Assert.True(Matches(Tag, "image", ImageId));
        Assert.True(Matches(Tag, "image", "busybox"));
        Assert.True(Matches(Tag, "image", "busybox:1"));
        Assert.False(Matches(Tag, "image", "busybox:2"));
    }

    [Fact]
    public void LabelsMatchAttributesAndAllMustHold()
    {
        Assert.True(Matches(Start, "label", "tier"));
        Assert.True(Matches(Start, "label", "tier=front"));
        Assert.False(Matches(Start, "label", "tier=back"));
        Assert.False(Matches(Start, "label", "tier=front", "other"));
        Assert.True(Matches(Tag, "label", "maintainer=me"));
    }

    [Fact]
    public void KeysCombineWithAnd()
    {
        var filter = new EventFilter(new Dictionary<string, IReadOnlyList<string>>
        {
            ["type"] = ["container"],
            ["event"] = ["start", "die"],
            ["container"] = ["web"],
        });
        Assert.True(filter.Matches(Start));
        Assert.False(filter.Matches(Container("create")));
        Assert.False(filter.Matches(Tag));
    }
}
