namespace Berth.Engine.Stats;

/// <summary>
/// CPU time a cgroup has used since it was made, in nanoseconds, and its CFS throttling counters.
/// <see cref="PerCpu"/> is cgroup v1 only (cpuacct.usage_percpu); null on v2.
/// </summary>
public sealed record CpuUsage(
    ulong Total,
    IReadOnlyList<ulong>? PerCpu,
    ulong KernelMode,
    ulong UserMode,
    ulong ThrottlingPeriods,
    ulong ThrottledPeriods,
    ulong ThrottledTimeNanoseconds)
{
    public static CpuUsage Zero { get; } = new(0, null, 0, 0, 0, 0, 0);
}
