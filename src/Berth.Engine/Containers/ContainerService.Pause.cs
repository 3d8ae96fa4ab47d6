using Berth.Core;
using Berth.Engine.Events;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker pause</c>: freezes every process through the cgroup freezer. Not running or already paused →
    /// Conflict with dockerd's texts.
    /// </summary>
    public async Task PauseAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            record = Get(record.Id);
            if (record.State.Status == ContainerStatus.Paused)
                throw BerthException.Conflict($"Container {record.Id} is already paused");
            if (record.State.Status != ContainerStatus.Running || !_running.ContainsKey(record.Id))
                throw BerthException.Conflict($"Container {record.Id} is not running");
            await _runtime.PauseAsync(record.Id, cancellationToken).ConfigureAwait(false);
            var paused = WithHealthStopped(record with { State = record.State.Paused() });
            await _store.SaveAsync(paused, CancellationToken.None).ConfigureAwait(false);
            UpdateHealthMonitor(paused);
            _events.PublishContainerEvent(record, ContainerEvents.Pause);
        }
    }

    /// <summary><c>docker unpause</c>: thaws a paused container. Not paused → Conflict with dockerd's text.</summary>
    public async Task UnpauseAsync(string idOrName, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            record = Get(record.Id);
            if (record.State.Status != ContainerStatus.Paused)
                throw BerthException.Conflict($"Container {record.Id} is not paused");
            await _runtime.ResumeAsync(record.Id, cancellationToken).ConfigureAwait(false);
            var unpaused = record with { State = record.State.Unpaused() };
            await _store.SaveAsync(unpaused, CancellationToken.None).ConfigureAwait(false);
            UpdateHealthMonitor(unpaused);
            _events.PublishContainerEvent(record, ContainerEvents.Unpause);
        }
    }

    /// <summary>
    /// Sends a signal and, when the container is paused, thaws it so the signal is delivered (as dockerd does
    /// for stop, kill and rm -f of a paused container).
    /// </summary>
    private async Task SignalAsync(string id, RunningContainer running, int signal, bool all, CancellationToken cancellationToken)
    {
        await running.Task.KillAsync(signal, all, cancellationToken).ConfigureAwait(false);
        PublishKillEvent(id, signal);
        if (_store.View.Find(id)?.State.Status != ContainerStatus.Paused) return;
        using (await _locks.AcquireAsync(id, cancellationToken).ConfigureAwait(false))
        {
            // Re-read under the lock: the exit may have been recorded meanwhile.
            if (_store.View.Find(id) is not { State.Status: ContainerStatus.Paused } paused) return;
            try
            {
                await _runtime.ResumeAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (BerthException)
            {
                // `runc kill --all` freezes, signals and thaws the cgroup itself, so runc may already see it running.
            }
            var thawed = paused with { State = paused.State.Unpaused() };
            await _store.SaveAsync(thawed, CancellationToken.None).ConfigureAwait(false);
            UpdateHealthMonitor(thawed);
        }
    }
}
