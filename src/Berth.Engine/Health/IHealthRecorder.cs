namespace Berth.Engine.Health;

/// <summary>The container side of health checks (implemented by the container service).</summary>
public interface IHealthRecorder
{
    /// <summary>
    /// Records a probe result for the run that started at <paramref name="runStartedAt"/>, under the container's
    /// lock, and persists it. Returns the health after it, or null when that run is over (stopped, paused,
    /// restarted, removed), in which case the result is dropped.
    /// </summary>
    Task<HealthState?> RecordProbeAsync(string id, DateTimeOffset runStartedAt, HealthProbeResult result, CancellationToken cancellationToken);

    /// <summary>Carries out <c>--health-on-failure</c> for a container that became unhealthy.</summary>
    Task ActOnUnhealthyAsync(string id, HealthFailureAction action, CancellationToken cancellationToken);
}
