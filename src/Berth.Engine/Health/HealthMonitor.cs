using System.Collections.Concurrent;
using System.Text;
using Berth.Core;
using Berth.Engine.Exec;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Health;

/// <summary>
/// Runs each running container's health check: one loop per container run (keyed by its StartedAt), each
/// probe an exec through <see cref="ICapturedExec"/>. <see cref="Update"/> is told about every change of a
/// container's run state and starts or ends the loop to match: running and not paused with a probe → a loop;
/// anything else → none (so stop, kill, pause and rm end it; start, restart, unpause and live restore begin it).
/// </summary>
public sealed partial class HealthMonitor : IAsyncDisposable
{
    private readonly ICapturedExec _exec;
    private readonly IHealthRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ProbeLoop> _loops = new();
    private readonly CancellationTokenSource _shutdown = new();

    public HealthMonitor(ICapturedExec exec, IHealthRecorder recorder, TimeProvider time, ILogger<HealthMonitor> logger)
    {
        _exec = exec;
        _recorder = recorder;
        _time = time;
        _logger = logger;
    }

    /// <summary>The loop of a container, when one runs (tests observe it).</summary>
    public Task? LoopOf(string id) => _loops.TryGetValue(id, out var loop) ? loop.Task : null;

    /// <summary>
    /// Ensures a loop runs exactly when the container should be probed. <paramref name="probing"/> is true for
    /// a running, unpaused container; <paramref name="startedAt"/> identifies the run.
    /// </summary>
    public void Update(string id, HealthSettings? settings, bool probing, DateTimeOffset? startedAt)
    {
        if (settings is null || !probing || startedAt is null || _shutdown.IsCancellationRequested)
        {
            Forget(id);
            return;
        }
        while (true)
        {
            if (_loops.TryGetValue(id, out var existing))
            {
                if (existing.StartedAt == startedAt && !existing.Stop.IsCancellationRequested) return;
                if (!_loops.TryRemove(new KeyValuePair<string, ProbeLoop>(id, existing))) continue;
                existing.Cancel();
            }
            var loop = new ProbeLoop(startedAt.Value);
            if (!_loops.TryAdd(id, loop)) continue;
            loop.Task = RunAsync(id, settings, startedAt.Value, loop);
            return;
        }
    }

    /// <summary>Ends the container's loop, if any (its probe in flight is cancelled and its result dropped).</summary>
    public void Forget(string id)
    {
        if (_loops.TryRemove(id, out var loop)) loop.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        var loops = _loops.Values.ToList();
        _loops.Clear();
        foreach (var loop in loops) loop.Cancel();
        await Task.WhenAll(loops.Select(l => l.Task).OfType<Task>()).ConfigureAwait(false);
    }

    private async Task RunAsync(string id, HealthSettings settings, DateTimeOffset startedAt, ProbeLoop loop)
    {
        await Task.Yield(); // never probe on the caller's stack (it holds the container's lock)
        var token = loop.Stop.Token;
        var status = HealthStatus.Starting;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var delay = settings.NextDelay(_time.GetUtcNow() - startedAt, status);
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
                var result = await ProbeAsync(id, settings, token).ConfigureAwait(false);
                var health = await _recorder.RecordProbeAsync(id, startedAt, result, token).ConfigureAwait(false);
                if (health is null) return;
                status = health.Status;
                if (status == HealthStatus.Unhealthy && settings.OnFailure != HealthFailureAction.None)
                {
                    LogActing(_logger, id, settings.OnFailure);
                    // Not on this loop's token: the action itself ends this loop (stop, kill) or replaces it (restart).
                    _ = ActAsync(id, settings.OnFailure);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // stopped, paused, removed or restarted meanwhile
        }
        catch (Exception ex)
        {
            LogLoopFailed(_logger, id, ex.Message);
        }
        finally
        {
            _loops.TryRemove(new KeyValuePair<string, ProbeLoop>(id, loop));
        }
    }

    private async Task<HealthProbeResult> ProbeAsync(string id, HealthSettings settings, CancellationToken token)
    {
        var start = _time.GetUtcNow();
        try
        {
            // One byte more than kept tells whether output was cut.
            var outcome = await _exec.RunCapturedAsync(id, settings.Command, settings.Timeout, HealthSettings.MaxOutputBytes + 1, token).ConfigureAwait(false);
            var output = LimitOutput(outcome.Output);
            if (outcome.TimedOut)
            {
                var message = $"Health check exceeded timeout ({GoDurationText.Format(settings.Timeout)})";
                return new HealthProbeResult(start, _time.GetUtcNow(), -1, output.Length > 0 ? $"{message}: {output}" : message);
            }
            return new HealthProbeResult(start, _time.GetUtcNow(), outcome.ExitCode, output);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            return new HealthProbeResult(start, _time.GetUtcNow(), -1, ex.Message);
        }
    }

    private async Task ActAsync(string id, HealthFailureAction action)
    {
        try
        {
            await _recorder.ActOnUnhealthyAsync(id, action, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogActionFailed(_logger, id, action, ex.Message);
        }
        catch (OperationCanceledException)
        {
            // daemon shutting down
        }
    }

    /// <summary>Docker keeps the first 4096 bytes of a probe's output and marks a cut with "...".</summary>
    public static string LimitOutput(string output)
    {
        var bytes = Encoding.UTF8.GetBytes(output);
        if (bytes.Length <= HealthSettings.MaxOutputBytes) return output;
        return Encoding.UTF8.GetString(bytes, 0, HealthSettings.MaxOutputBytes) + "...";
    }

    /// <summary>One run's loop. Its token source has no timer or links, so it needs no disposal.</summary>
    private sealed class ProbeLoop(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;
        public CancellationTokenSource Stop { get; } = new();
        public Task? Task { get; set; }

        public void Cancel() => Stop.Cancel();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {Id} is unhealthy: health-on-failure {Action}")]
    private static partial void LogActing(ILogger logger, string id, HealthFailureAction action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {Id}: health-on-failure {Action} failed: {Error}")]
    private static partial void LogActionFailed(ILogger logger, string id, HealthFailureAction action, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Health check loop of container {Id} failed: {Error}")]
    private static partial void LogLoopFailed(ILogger logger, string id, string error);
}
