using System.Collections.Concurrent;
using Berth.Engine.Health;

namespace Berth.Engine.Tests.Health;

/// <summary>The container side in memory: applies results like the container service does.</summary>
public sealed class FakeHealthRecorder(HealthSettings settings, DateTimeOffset runStartedAt) : IHealthRecorder
{
    private readonly Lock _gate = new();

    public HealthState State { get; private set; } = HealthState.StartingFrom(null);
    public ConcurrentQueue<HealthProbeResult> Results { get; } = new();
    public ConcurrentQueue<HealthFailureAction> Actions { get; } = new();
    /// <summary>When set, results are refused as if the run had ended.</summary>
    public bool RunOver { get; set; }

    public Task<HealthState?> RecordProbeAsync(string id, DateTimeOffset startedAt, HealthProbeResult result, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (RunOver || startedAt != runStartedAt) return Task.FromResult<HealthState?>(null);
            State = State.Record(result, settings, runStartedAt);
            Results.Enqueue(result);
            return Task.FromResult<HealthState?>(State);
        }
    }

    public Task ActOnUnhealthyAsync(string id, HealthFailureAction action, CancellationToken cancellationToken)
    {
        Actions.Enqueue(action);
        return Task.CompletedTask;
    }
}
