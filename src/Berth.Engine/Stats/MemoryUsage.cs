namespace Berth.Engine.Stats;

/// <summary>
/// A cgroup's memory: current usage, its limit (null when unlimited), and every counter of memory.stat by its
/// own name (v1: cache, rss, total_inactive_file …; v2: anon, file, inactive_file …). MaxUsage and FailCount
/// exist on cgroup v1 only.
/// </summary>
public sealed record MemoryUsage(
    ulong Usage,
    ulong? Limit,
    ulong? MaxUsage,
    ulong? FailCount,
    IReadOnlyDictionary<string, ulong> Stats)
{
    public static MemoryUsage Zero { get; } = new(0, null, null, null, new Dictionary<string, ulong>());
}
