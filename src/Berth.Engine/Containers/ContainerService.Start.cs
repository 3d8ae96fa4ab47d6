using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Engine.Events;
using Berth.Engine.Runtime;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker start</c>: mounts the rootfs, writes the OCI bundle and has a shim run it. Already running →
    /// NotModified (HTTP 304, as dockerd). A process that cannot start leaves nothing mounted and records the
    /// error and exit code (127 for a missing executable, 126 for permission denied) like dockerd.
    /// </summary>
    public async Task StartAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            record = Get(record.Id);
            if (record.State.Status == ContainerStatus.Paused)
                throw BerthException.Conflict($"cannot start a paused container, try unpause instead");
            if (record.State.IsRunning)
                throw new BerthException(ErrorKind.NotModified, "container already started");
            if (record.State.Status == ContainerStatus.Removing)
                throw BerthException.Conflict($"container is marked for removal and cannot be started");
            _restarts.TryRemove(record.Id, out _); // an explicit start re-arms the restart policy
            if (record.HasBeenManuallyStopped) record = record with { HasBeenManuallyStopped = false };
            await StartLockedAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartLockedAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        IContainerTask task;
        try
        {
            if (_networking is not null)
                record = WithNetworkContainersHostname(record with { Network = await _networking.SetUpAsync(record, Get, cancellationToken).ConfigureAwait(false) });
            var rootfs = _rootfs.Mount(record.Id);
            await _bundles.WriteAsync(record, rootfs, cancellationToken).ConfigureAwait(false);
            task = await _runtime.StartAsync(
                new TaskStartRequest(record.Id, _paths.BundleDir(record.Id), _paths.StateDir(record.Id),
                    _paths.LogFile(record.Id), record.Config.OpenStdin == true, record.Config.Tty == true, LogRotation.Default,
                    record.Config.StdinOnce == true, InitialConsoleSize(record), _attaches.Pending(record.Id)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BerthException or IOException or UnauthorizedAccessException)
        {
            _rootfs.Unmount(record.Id);
            if (_networking is not null) await _networking.TearDownAsync(record.Id, record.Network, CancellationToken.None).ConfigureAwait(false);
            record = record with { Network = null };
            var failed = record with { State = record.State.StartFailed(ex.Message, StartErrorExitCode(ex.Message), _time.GetUtcNow()) };
            await _store.SaveAsync(failed, CancellationToken.None).ConfigureAwait(false);
            LogStartFailed(_logger, record.Id, ex.Message);
            _waiters.SignalExit(record.Id, failed.State); // attach and wait(next-exit) must not hang on a failed start
            if (record.HostConfig.AutoRemove == true)
                await RemoveLockedAsync(failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var running = new RunningContainer(task, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _running[record.Id] = running;
        var started = WithHealthStarting(record with { State = record.State.Started(task.Pid, _time.GetUtcNow()), HasBeenStarted = true });
        await _store.SaveAsync(started, CancellationToken.None).ConfigureAwait(false);
        UpdateHealthMonitor(started);
        _events.PublishContainerEvent(started, ContainerEvents.Start);
        _attaches.SignalStarted(record.Id);
        _ = MonitorAsync(record.Id, running);
    }

    /// <summary>
    /// <c>container:&lt;name|id&gt;</c>: the container takes the hostname and domain name of the one whose
    /// network it joined (Docker copies them into its config at start, so inspect shows them too).
    /// </summary>
    private ContainerRecord WithNetworkContainersHostname(ContainerRecord record)
    {
        if (record.Network?.NetworkContainerId is not { } id || _store.View.Find(id) is not { } target) return record;
        var config = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(record.Config, BerthApiJsonContext.Default.ContainerConfig),
            BerthApiJsonContext.Default.ContainerConfig)!;
        config.Hostname = target.Config.Hostname;
        config.Domainname = target.Config.Domainname;
        return record with { Config = config };
    }

    /// <summary>dockerd's mapping of start errors to exit codes (daemon/start.go).</summary>
    private static int StartErrorExitCode(string message)
    {
        if (message.Contains("executable file not found", StringComparison.Ordinal)
            || message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase))
            return 127;
        if (message.Contains("permission denied", StringComparison.OrdinalIgnoreCase))
            return 126;
        return 128;
    }

    /// <summary>Waits for the shim to report the exit, then records it (outside any request).</summary>
    private async Task MonitorAsync(string id, RunningContainer running)
    {
        ExitRecord exit;
        try
        {
            exit = await running.Task.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogMonitorFailed(_logger, id, ex.Message);
            exit = _runtime.ReadExit(_paths.StateDir(id)) ?? new ExitRecord(255, false, _time.GetUtcNow());
        }
        try
        {
            await OnExitedAsync(id, exit, running).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, RunningContainer>(id, running)); // a restart may hold a new one
            await running.Task.DisposeAsync().ConfigureAwait(false);
            running.Exited.TrySetResult();
        }
    }

    /// <remarks>
    /// The exit is saved, the container leaves <c>_running</c>, then waiters are signalled, in that order:
    /// <see cref="WaitAsync"/> (not-running) registers before it looks at both, so it either sees the exit or
    /// is signalled by it. Health and events come after, so nothing they do can keep a waiter waiting.
    /// </remarks>
    private async Task OnExitedAsync(string id, ExitRecord exit, RunningContainer? running = null)
    {
        using (await _locks.AcquireAsync(id, CancellationToken.None).ConfigureAwait(false))
        {
            var record = _store.View.Find(id);
            if (record is null) return;
            await _runtime.DeleteAsync(id, _paths.StateDir(id), CancellationToken.None).ConfigureAwait(false);
            _rootfs.Unmount(id);
            if (_networking is not null) await _networking.TearDownAsync(id, record.Network, CancellationToken.None).ConfigureAwait(false);
            record = record with { Network = null };
            var exited = ScheduleRestartIfDue(WithHealthStopped(record with { State = record.State.Exited(exit) }), exit);
            await _store.SaveAsync(exited, CancellationToken.None).ConfigureAwait(false);
            if (running is not null) _running.TryRemove(new KeyValuePair<string, RunningContainer>(id, running));
            _waiters.SignalExit(id, exited.State);
            UpdateHealthMonitor(exited);
            PublishExitEvents(record, exit);
            LogExited(_logger, id, exit.ExitCode, exit.OomKilled);
            if (record.HostConfig.AutoRemove == true)
                await RemoveLockedAsync(exited, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} exited with {ExitCode} (OOM killed: {OomKilled})")]
    private static partial void LogExited(ILogger logger, string id, int exitCode, bool oomKilled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Container {Id} failed to start: {Error}")]
    private static partial void LogStartFailed(ILogger logger, string id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the shim of container {Id}: {Error}")]
    private static partial void LogMonitorFailed(ILogger logger, string id, string error);
}
