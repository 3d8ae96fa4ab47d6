using Berth.Engine.Containers;
using Berth.Engine.Runtime;

namespace Berth.Engine.Tests.Containers;

public class ContainerStatePauseTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PausedStaysRunningAndDescribesItself()
    {
        var paused = ContainerState.New().Started(42, Start).Paused();
        Assert.Equal(ContainerStatus.Paused, paused.Status);
        Assert.True(paused.IsRunning);
        Assert.Equal(42, paused.Pid);
        Assert.Equal("Up 5 seconds (Paused)", paused.Describe(Start.AddSeconds(5)));
        Assert.Equal(ContainerStatus.Running, paused.Unpaused().Status);
    }

    [Fact]
    public void APausedContainerCanExit()
    {
        var exited = ContainerState.New().Started(42, Start).Paused().Exited(new ExitRecord(137, false, Start.AddSeconds(1)));
        Assert.Equal(ContainerStatus.Exited, exited.Status);
        Assert.Equal(137, exited.ExitCode);
    }
}
