using Berth.Api;
using Berth.Cli.Commands.Daemon;

namespace Berth.Cli.Tests.Commands;

public sealed class EventLineTests
{
    private static EventMessage Message(Dictionary<string, string>? attributes) => new()
    {
        Type = "container",
        Action = "start",
        Actor = new EventActor { Id = "abc", Attributes = attributes },
        Time = 1_704_067_200,
        TimeNano = 1_704_067_200_000_000_042,
    };

    [Fact]
    public void DefaultLineIsDockers()
    {
        var line = EventLine.Format(Message(new() { ["name"] = "x", ["image"] = "busybox" }), TimeZoneInfo.Utc);
        Assert.Equal("2024-01-01T00:00:00.000000042Z container start abc (image=busybox, name=x)", line);
    }

    [Fact]
    public void LocalZoneOffsetAndNoAttributes()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        Assert.Equal("2024-01-01T02:00:00.000000042+02:00 container start abc", EventLine.Format(Message(null), zone));
    }
}
