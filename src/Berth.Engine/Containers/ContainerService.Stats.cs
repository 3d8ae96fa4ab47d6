using Berth.Engine.Stats;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Every container whose shim we hold, with its init PID (what the stats sampler reads).</summary>
    public IReadOnlyList<RunningTarget> RunningTargets() =>
        _running.Select(pair => new RunningTarget(pair.Key, pair.Value.Task.Pid)).ToList();

    /// <summary>The container's init PID while it runs (paused included); null otherwise.</summary>
    public RunningTarget? FindRunningTarget(string id) =>
        _running.TryGetValue(id, out var running) ? new RunningTarget(id, running.Task.Pid) : null;
}
