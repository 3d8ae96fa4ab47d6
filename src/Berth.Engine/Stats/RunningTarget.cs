namespace Berth.Engine.Stats;

/// <summary>A running container to sample: its id and the host PID of its init process (for its network namespace).</summary>
public readonly record struct RunningTarget(string Id, int InitPid);
