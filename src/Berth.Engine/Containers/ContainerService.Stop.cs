using Berth.Core;
using Berth.Engine.Events;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    private const int DefaultStopTimeoutSeconds = 10;
    private const int SigKill = 9;

    /// <summary>
    /// <c>docker stop</c>: the stop signal (the container's StopSignal, else SIGTERM), then SIGKILL after the
    /// timeout (<paramref name="timeoutSeconds"/>, else StopTimeout, else 10 s; -1 waits forever). Not running →
    /// NotModified (304), as dockerd.
    /// </summary>
    public async Task StopAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        if (await StopPendingRestartOrMarkStoppedAsync(record.Id, cancellationToken).ConfigureAwait(false)) return;
        if (!_running.TryGetValue(record.Id, out var running))
            throw new BerthException(ErrorKind.NotModified, "container already stopped");
        var stopSignal = Signals.Parse(signal ?? record.Config.StopSignal ?? "SIGTERM");
        var timeout = timeoutSeconds ?? record.Config.StopTimeout ?? DefaultStopTimeoutSeconds;

        await SignalAsync(record.Id, running, stopSignal, all: false, cancellationToken).ConfigureAwait(false);
        if (timeout < 0)
        {
            await running.Exited.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            _events.PublishContainerEvent(record, ContainerEvents.Stop);
            return;
        }
        try
        {
            await running.Exited.Task.WaitAsync(TimeSpan.FromSeconds(timeout), _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await SignalAsync(record.Id, running, SigKill, all: true, cancellationToken).ConfigureAwait(false);
            await running.Exited.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        _events.PublishContainerEvent(record, ContainerEvents.Stop);
    }

    /// <summary><c>docker kill [-s]</c>: not running → Conflict with dockerd's text.</summary>
    public async Task KillAsync(string idOrName, string? signal, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        var number = Signals.Parse(string.IsNullOrEmpty(signal) ? "SIGKILL" : signal);
        if (await StopPendingRestartOrMarkStoppedAsync(record.Id, cancellationToken).ConfigureAwait(false)) return;
        if (!_running.TryGetValue(record.Id, out var running))
            throw BerthException.Conflict($"Cannot kill container: {idOrName}: Container {record.Id} is not running");
        await SignalAsync(record.Id, running, number, all: number == SigKill, cancellationToken).ConfigureAwait(false);
        if (number == SigKill)
            await running.Exited.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>docker restart</c>: stop if running, then start.</summary>
    public async Task RestartAsync(string idOrName, int? timeoutSeconds, string? signal, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        if (_running.ContainsKey(record.Id))
            await StopAsync(record.Id, timeoutSeconds, signal, cancellationToken).ConfigureAwait(false);
        await StartAsync(record.Id, cancellationToken).ConfigureAwait(false);
        _events.PublishContainerEvent(Get(record.Id), ContainerEvents.Restart);
    }

    /// <summary>
    /// <c>POST /containers/{id}/wait</c>: returns the state after the awaited event. Registered before it
    /// returns to the caller's start, so <c>docker run</c>'s wait-then-start order never misses a fast exit.
    /// </summary>
    public async Task<ContainerState> WaitAsync(string idOrName, WaitCondition condition, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        Task<ContainerState> pending = condition switch
        {
            WaitCondition.Removed => _waiters.Removed(record.Id),
            _ => _waiters.NextExit(record.Id),
        };
        if (condition == WaitCondition.NotRunning)
        {
            var now = Get(record.Id);
            if (!now.State.IsRunning && !_running.ContainsKey(record.Id)) return now.State;
        }
        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
