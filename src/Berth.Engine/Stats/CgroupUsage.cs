namespace Berth.Engine.Stats;

/// <summary>Everything read from one container's cgroup at one moment.</summary>
public sealed record CgroupUsage(CpuUsage Cpu, MemoryUsage Memory, BlockIoUsage BlockIo, PidsUsage Pids)
{
    public static CgroupUsage Empty { get; } = new(CpuUsage.Zero, MemoryUsage.Zero, BlockIoUsage.Empty, new PidsUsage(0, 0));
}
