using Berth.Engine.Health;

namespace Berth.Engine.Tests.Health;

public class HealthStateTests
{
    private static readonly DateTimeOffset Started = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static HealthSettings Settings(int retries = 3, int startPeriodSeconds = 0) =>
        new(["true"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(startPeriodSeconds),
            TimeSpan.FromSeconds(1), retries, HealthFailureAction.None);

    private static HealthProbeResult At(int second, int exitCode) =>
        new(Started.AddSeconds(second), Started.AddSeconds(second).AddMilliseconds(5), exitCode, exitCode == 0 ? "" : "bad");

    [Fact]
    public void ASuccessMakesItHealthy()
    {
        var state = HealthState.StartingFrom(null).Record(At(1, 0), Settings(), Started);
        Assert.Equal(HealthStatus.Healthy, state.Status);
        Assert.Equal(0, state.FailingStreak);
        Assert.Single(state.Log);
        Assert.Equal("healthy", state.Describe());
        Assert.Equal("health: starting", HealthState.StartingFrom(null).Describe());
    }

    [Fact]
    public void RetriesFailuresInARowMakeItUnhealthy()
    {
        var state = HealthState.StartingFrom(null);
        state = state.Record(At(1, 1), Settings(), Started);
        state = state.Record(At(2, 1), Settings(), Started);
        Assert.Equal(HealthStatus.Starting, state.Status);
        Assert.Equal(2, state.FailingStreak);
        state = state.Record(At(3, 1), Settings(), Started);
        Assert.Equal(HealthStatus.Unhealthy, state.Status);
        Assert.Equal(3, state.FailingStreak);
    }

    [Fact]
    public void ASuccessClearsTheStreakOfAHealthyContainer()
    {
        var state = HealthState.StartingFrom(null).Record(At(1, 0), Settings(), Started);
        state = state.Record(At(2, 1), Settings(), Started).Record(At(3, 1), Settings(), Started);
        Assert.Equal(HealthStatus.Healthy, state.Status);
        Assert.Equal(2, state.FailingStreak);
        state = state.Record(At(4, 0), Settings(), Started);
        Assert.Equal(0, state.FailingStreak);
        Assert.Equal(HealthStatus.Healthy, state.Status);
    }

    [Fact]
    public void FailuresWithinTheStartPeriodDoNotCountWhileStarting()
    {
        var settings = Settings(retries: 1, startPeriodSeconds: 10);
        var state = HealthState.StartingFrom(null).Record(At(2, 1), settings, Started).Record(At(9, 1), settings, Started);
        Assert.Equal(HealthStatus.Starting, state.Status);
        Assert.Equal(0, state.FailingStreak);
        Assert.Equal(2, state.Log.Count);
        state = state.Record(At(10, 1), settings, Started);
        Assert.Equal(HealthStatus.Unhealthy, state.Status);
    }

    [Fact]
    public void OnceASuccessIsSeenFailuresInTheStartPeriodCount()
    {
        var settings = Settings(retries: 1, startPeriodSeconds: 10);
        var state = HealthState.StartingFrom(null).Record(At(1, 0), settings, Started).Record(At(2, 1), settings, Started);
        Assert.Equal(HealthStatus.Unhealthy, state.Status);
    }

    [Fact]
    public void TheLogKeepsTheLastFiveResults()
    {
        var state = HealthState.StartingFrom(null);
        for (var i = 1; i <= 7; i++) state = state.Record(At(i, i % 2), Settings(retries: 100), Started);
        Assert.Equal(5, state.Log.Count);
        Assert.Equal(Started.AddSeconds(3), state.Log[0].Start);
        Assert.Equal(Started.AddSeconds(7), state.Log[^1].Start);
    }

    [Fact]
    public void StartingAgainKeepsTheLogAndClearsTheStreak()
    {
        var state = HealthState.StartingFrom(null);
        for (var i = 1; i <= 3; i++) state = state.Record(At(i, 1), Settings(), Started);
        var again = HealthState.StartingFrom(state.MonitorStopped());
        Assert.Equal(HealthStatus.Starting, again.Status);
        Assert.Equal(0, again.FailingStreak);
        Assert.Equal(3, again.Log.Count);
        Assert.Equal(HealthStatus.Unhealthy, HealthState.StartingFrom(null).MonitorStopped().Status);
    }

    [Fact]
    public void OutputIsCutAt4KiBWithAnEllipsis()
    {
        Assert.Equal("short", HealthMonitor.LimitOutput("short"));
        var cut = HealthMonitor.LimitOutput(new string('x', 5000));
        Assert.Equal(4096 + 3, cut.Length);
        Assert.EndsWith("x...", cut, StringComparison.Ordinal);
    }
}
