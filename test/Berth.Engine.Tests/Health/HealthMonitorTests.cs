using Berth.Core;
using Berth.Engine.Exec;
using Berth.Engine.Health;
using Berth.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Health;

public sealed class HealthMonitorTests : IAsyncDisposable
{
    private const string Id = "c0ffee";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Started = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Started);
    private readonly FakeCapturedExec _exec = new();
    private HealthMonitor? _monitor;

    private static HealthSettings Settings(int retries = 3, double startPeriodSeconds = 0, HealthFailureAction onFailure = HealthFailureAction.None) =>
        new(["/bin/sh", "-c", "check"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(startPeriodSeconds),
            TimeSpan.FromMilliseconds(500), retries, onFailure);

    private (HealthMonitor Monitor, FakeHealthRecorder Recorder) Start(HealthSettings settings)
    {
        var recorder = new FakeHealthRecorder(settings, Started);
        _monitor = new HealthMonitor(_exec, recorder, _time, NullLogger<HealthMonitor>.Instance);
        _monitor.Update(Id, settings, probing: true, Started);
        return (_monitor, recorder);
    }

    /// <summary>Waits until the loop awaits its next delay, then moves the clock past it.</summary>
    private async Task TickAsync(TimeSpan by)
    {
        await Poll.UntilAsync(() => _time.ArmedTimers == 1, Wait, "the probe loop to wait for its next probe");
        _time.Advance(by);
    }

    private async Task ProbeAsync(FakeHealthRecorder recorder, TimeSpan by)
    {
        var before = recorder.Results.Count;
        await TickAsync(by);
        await Poll.UntilAsync(() => recorder.Results.Count == before + 1, Wait, "a probe result");
    }

    [Fact]
    public async Task ASuccessfulProbeAfterOneIntervalMakesItHealthy()
    {
        var (_, recorder) = Start(Settings());
        await TickAsync(TimeSpan.FromMilliseconds(999));
        Assert.Empty(_exec.Calls); // not before the interval
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Poll.UntilAsync(() => recorder.Results.Count == 1, Wait, "the first probe");
        Assert.Equal(HealthStatus.Healthy, recorder.State.Status);
        Assert.True(_exec.Calls.TryPeek(out var call));
        Assert.Equal(["/bin/sh", "-c", "check"], call.Command);
        Assert.Equal(TimeSpan.FromSeconds(2), call.Timeout);
        Assert.Equal(4097, call.MaxOutputBytes);
        var result = Assert.Single(recorder.Results);
        Assert.Equal(Started.AddSeconds(1), result.Start);
    }

    [Fact]
    public async Task RetriesFailuresMakeItUnhealthyAndRunTheOnFailureActionOnce()
    {
        _exec.Enqueue(new ExecOutcome(1, "boom\n", false));
        var (monitor, recorder) = Start(Settings(retries: 2, onFailure: HealthFailureAction.Kill));
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Starting, recorder.State.Status);
        Assert.Equal(1, recorder.State.FailingStreak);
        Assert.Empty(recorder.Actions);
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Unhealthy, recorder.State.Status);
        await Poll.UntilAsync(() => recorder.Actions.Count == 1, Wait, "the kill");
        Assert.Equal(HealthFailureAction.Kill, Assert.Single(recorder.Actions));
        await Poll.UntilAsync(() => monitor.LoopOf(Id) is null, Wait, "the loop to end after acting");
        Assert.Equal("boom\n", recorder.State.Log[^1].Output);
    }

    [Fact]
    public async Task WithoutAnActionAnUnhealthyContainerKeepsBeingProbed()
    {
        _exec.Enqueue(new ExecOutcome(1, "", false), new ExecOutcome(1, "", false), new ExecOutcome(0, "", false));
        var (_, recorder) = Start(Settings(retries: 2));
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Unhealthy, recorder.State.Status);
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, recorder.State.Status);
        Assert.Empty(recorder.Actions);
    }

    [Fact]
    public async Task DuringTheStartPeriodProbesRunEveryStartIntervalAndFailuresDoNotCount()
    {
        _exec.Enqueue(new ExecOutcome(1, "", false));
        var (_, recorder) = Start(Settings(retries: 1, startPeriodSeconds: 2));
        await ProbeAsync(recorder, TimeSpan.FromMilliseconds(500));
        await ProbeAsync(recorder, TimeSpan.FromMilliseconds(500));
        await ProbeAsync(recorder, TimeSpan.FromMilliseconds(500));
        Assert.Equal(HealthStatus.Starting, recorder.State.Status);
        Assert.Equal(0, recorder.State.FailingStreak);
        await ProbeAsync(recorder, TimeSpan.FromMilliseconds(500)); // at 2 s: the start period is over
        Assert.Equal(HealthStatus.Unhealthy, recorder.State.Status);
        Assert.Equal(1, recorder.State.FailingStreak);
    }

    [Fact]
    public async Task ATimedOutProbeFailsWithDockersMessage()
    {
        _exec.Enqueue(new ExecOutcome(-1, "", true), new ExecOutcome(-1, "partial", true));
        var (_, recorder) = Start(Settings());
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        var results = recorder.Results.ToArray();
        Assert.Equal(-1, results[0].ExitCode);
        Assert.Equal("Health check exceeded timeout (2s)", results[0].Output);
        Assert.Equal("Health check exceeded timeout (2s): partial", results[1].Output);
    }

    [Fact]
    public async Task AProbeThatCannotRunCountsAsAFailureWithItsError()
    {
        _exec.EnqueueFailure(BerthException.Conflict("OCI runtime exec failed"));
        var (_, recorder) = Start(Settings());
        await ProbeAsync(recorder, TimeSpan.FromSeconds(1));
        var result = Assert.Single(recorder.Results);
        Assert.Equal(-1, result.ExitCode);
        Assert.Equal("OCI runtime exec failed", result.Output);
        Assert.Equal(1, recorder.State.FailingStreak);
    }

    [Fact]
    public async Task NotProbingEndsTheLoopAndANewRunReplacesIt()
    {
        var (monitor, recorder) = Start(Settings());
        await Poll.UntilAsync(() => _time.ArmedTimers == 1, Wait, "the loop to wait");
        var first = monitor.LoopOf(Id)!;
        monitor.Update(Id, Settings(), probing: true, Started); // same run: kept
        Assert.Same(first, monitor.LoopOf(Id));
        monitor.Update(Id, Settings(), probing: false, Started); // paused or stopped
        await first.WaitAsync(Wait);
        Assert.Null(monitor.LoopOf(Id));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(recorder.Results);

        monitor.Update(Id, Settings(), probing: true, Started.AddSeconds(5)); // a new run, refused by the recorder
        await TickAsync(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => monitor.LoopOf(Id) is null, Wait, "the loop of a run that is over to end");
        Assert.Empty(recorder.Results);
    }

    [Fact]
    public async Task NoSettingsMeansNoLoop()
    {
        var (monitor, _) = Start(Settings());
        monitor.Update(Id, null, probing: true, Started);
        await Poll.UntilAsync(() => monitor.LoopOf(Id) is null, Wait, "no loop");
    }

    public async ValueTask DisposeAsync()
    {
        if (_monitor is not null) await _monitor.DisposeAsync();
    }
}
