namespace Berth.Engine.Stats;

/// <summary>
/// One reading of a running container's resource use. <see cref="MemoryLimit"/> is the cgroup's limit, or the
/// host's memory when the container has none (as Docker reports it). Networks excludes the loopback interface;
/// empty when the container has no other interface.
/// </summary>
public sealed record StatsSample(
    DateTime Read,
    CgroupUsage Cgroup,
    HostCpuUsage Host,
    ulong MemoryLimit,
    IReadOnlyDictionary<string, NetworkUsage> Networks);
