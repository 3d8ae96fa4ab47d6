namespace Berth.Engine.Stats;

/// <summary>Processes in a cgroup and its pids limit (v1 "max" reads as 0, no limit; v2 "max" as ulong.MaxValue, as Docker reports them).</summary>
public sealed record PidsUsage(ulong Current, ulong Limit);
