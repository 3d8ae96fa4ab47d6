using Berth.Engine.Events;
using Berth.Engine.Health;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Containers;

/// <summary>
/// Health checks (docs/health-checks.md): the container service resets <c>State.Health</c> when a container
/// starts, marks it when probing stops, tells the <see cref="HealthMonitor"/> about every run-state change,
/// and records probe results under the container's lock.
/// </summary>
public sealed partial class ContainerService : IHealthRecorder
{
    private HealthMonitor? _health;

    /// <summary>Wired by the composition root before live restore (the monitor needs the exec service, which needs us).</summary>
    public void UseHealthMonitor(HealthMonitor monitor) => _health = monitor;

    /// <summary>A run begins (start, restart, live restore): health is "starting" again with no failing streak.</summary>
    private static ContainerRecord WithHealthStarting(ContainerRecord record) =>
        HealthSettings.From(record.Config) is null
            ? record
            : record with { State = record.State with { Health = HealthState.StartingFrom(record.State.Health) } };

    /// <summary>Probing stops (exit, pause): dockerd then reports the container unhealthy until probes run again.</summary>
    private static ContainerRecord WithHealthStopped(ContainerRecord record) =>
        record.State.Health is { } health && HealthSettings.From(record.Config) is not null
            ? record with { State = record.State with { Health = health.MonitorStopped() } }
            : record;

    /// <summary>Starts, keeps or ends the container's probe loop to match its saved state.</summary>
    private void UpdateHealthMonitor(ContainerRecord record) =>
        _health?.Update(record.Id, HealthSettings.From(record.Config),
            probing: record.State.Status == ContainerStatus.Running && _running.ContainsKey(record.Id),
            record.State.StartedAt);

    /// <summary>Live restore of a running container: its health starts over, as after a start.</summary>
    private async Task RestoreHealthAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            if (_store.View.Find(record.Id) is not { } current) return;
            if (current.State.Status == ContainerStatus.Running)
            {
                var restored = WithHealthStarting(current);
                if (!ReferenceEquals(restored, current)) await _store.SaveAsync(restored, cancellationToken).ConfigureAwait(false);
                current = restored;
            }
            UpdateHealthMonitor(current);
        }
    }

    async Task<HealthState?> IHealthRecorder.RecordProbeAsync(string id, DateTimeOffset runStartedAt, HealthProbeResult result, CancellationToken cancellationToken)
    {
        using (await _locks.AcquireAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var record = _store.View.Find(id);
            if (cancellationToken.IsCancellationRequested || record is null
                || record.State.Status != ContainerStatus.Running || record.State.StartedAt != runStartedAt
                || HealthSettings.From(record.Config) is not { } settings)
                return null;
            var before = record.State.Health ?? HealthState.StartingFrom(null);
            var after = before.Record(result, settings, runStartedAt);
            var updated = record with { State = record.State with { Health = after } };
            await _store.SaveAsync(updated, CancellationToken.None).ConfigureAwait(false);
            if (after.Status != before.Status)
            {
                LogHealthStatus(_logger, id, HealthState.StatusName(after.Status));
                _events.PublishContainerEvent(updated, ContainerEvents.HealthStatusAction(HealthState.StatusName(after.Status)));
            }
            return after;
        }
    }

    Task IHealthRecorder.ActOnUnhealthyAsync(string id, HealthFailureAction action, CancellationToken cancellationToken) => action switch
    {
        HealthFailureAction.Kill => KillAsync(id, "SIGKILL", cancellationToken),
        HealthFailureAction.Stop => StopAsync(id, null, null, cancellationToken),
        HealthFailureAction.Restart => RestartAsync(id, null, null, cancellationToken),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Container {Id} health_status: {Status}")]
    private static partial void LogHealthStatus(ILogger logger, string id, string status);
}
