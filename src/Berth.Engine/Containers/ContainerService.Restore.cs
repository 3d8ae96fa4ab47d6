using Berth.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Start-up reconciliation (live restore): reconnects to the shims of containers that kept running while
    /// berthd was away, records the exits of those that ended meanwhile, finishes interrupted removals and
    /// unmounts the rootfs of every container that is not running, and removes stale exec scratch directories.
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var record in _store.View.All.ToList())
        {
            try
            {
                await RestoreOneAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRestoreFailed(_logger, record.Id, ex.Message);
            }
        }
        // Exec scratch directories of a shim or daemon killed mid-exec (minutes old at least: another daemon's are younger).
        Berth.Runtime.Shim.ExecScratchDir.RemoveStale(TimeSpan.FromMinutes(10));
        await StartContainersWithRestartPolicyAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RestoreOneAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        if (record.State.Status == ContainerStatus.Removing)
        {
            using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
                await RemoveLockedAsync(record, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (record.State.Status == ContainerStatus.Restarting)
        {
            // berthd stopped while a restart was pending: the container is exited; its policy decides below.
            record = record with { State = record.State.RestartCancelled() };
            await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        }
        if (!record.State.IsRunning)
        {
            _rootfs.Unmount(record.Id);
            return;
        }
        var task = await _runtime.ConnectAsync(record.Id, _paths.StateDir(record.Id), cancellationToken).ConfigureAwait(false);
        if (task is not null)
        {
            var running = new RunningContainer(task, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _running[record.Id] = running;
            LogReconnected(_logger, record.Id, task.Pid);
            _ = MonitorAsync(record.Id, running);
            await RestoreHealthAsync(record, cancellationToken).ConfigureAwait(false);
            return;
        }
        // The shim is gone: use its exit record, or 255 when even that is missing (dockerd does the same).
        var exit = _runtime.ReadExit(_paths.StateDir(record.Id)) ?? new ExitRecord(255, false, _time.GetUtcNow());
        await OnExitedAsync(record.Id, exit).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnected to container {Id} (pid {Pid})")]
    private static partial void LogReconnected(ILogger logger, string id, int pid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not restore container {Id}: {Error}")]
    private static partial void LogRestoreFailed(ILogger logger, string id, string error);
}
