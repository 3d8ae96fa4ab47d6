namespace Berth.Engine.Stats;

/// <summary>
/// cgroup v1: cpuacct (usage, per-CPU usage, user/system ticks), cpu (throttling), memory, blkio and pids
/// controllers, each mounted at <c>&lt;root&gt;/&lt;controller&gt;</c>, the container's group at
/// <c>berth/&lt;id&gt;</c> below each.
/// </summary>
public sealed class CgroupV1StatsReader(string cgroupRoot = "/sys/fs/cgroup") : ICgroupStatsReader
{
    /// <summary>cpuacct.stat counts USER_HZ ticks (100 per second on Linux).</summary>
    private const ulong NanosecondsPerTick = 1_000_000_000UL / 100;

    public CgroupUsage Read(string containerId)
    {
        var relative = CgroupStatsReaders.ContainerPath(containerId);
        return new CgroupUsage(
            ReadCpu(Path.Combine(cgroupRoot, "cpuacct", relative), Path.Combine(cgroupRoot, "cpu", relative)),
            ReadMemory(Path.Combine(cgroupRoot, "memory", relative)),
            ReadBlockIo(Path.Combine(cgroupRoot, "blkio", relative)),
            ReadPids(Path.Combine(cgroupRoot, "pids", relative)));
    }

    private static CpuUsage ReadCpu(string cpuacct, string cpu)
    {
        var ticks = CgroupFiles.ReadKeyValues(Path.Combine(cpuacct, "cpuacct.stat"));
        var throttling = CgroupFiles.ReadKeyValues(Path.Combine(cpu, "cpu.stat"));
        var perCpu = CgroupFiles.ReadNumberList(Path.Combine(cpuacct, "cpuacct.usage_percpu"));
        return new CpuUsage(
            CgroupFiles.ReadNumber(Path.Combine(cpuacct, "cpuacct.usage")) ?? 0,
            perCpu.Count == 0 ? null : perCpu,
            ticks.GetValueOrDefault("system") * NanosecondsPerTick,
            ticks.GetValueOrDefault("user") * NanosecondsPerTick,
            throttling.GetValueOrDefault("nr_periods"),
            throttling.GetValueOrDefault("nr_throttled"),
            throttling.GetValueOrDefault("throttled_time"));
    }

    private static MemoryUsage ReadMemory(string dir) => new(
        CgroupFiles.ReadNumber(Path.Combine(dir, "memory.usage_in_bytes")) ?? 0,
        CgroupFiles.ReadNumber(Path.Combine(dir, "memory.limit_in_bytes")),
        CgroupFiles.ReadNumber(Path.Combine(dir, "memory.max_usage_in_bytes")) ?? 0,
        CgroupFiles.ReadNumber(Path.Combine(dir, "memory.failcnt")) ?? 0,
        CgroupFiles.ReadKeyValues(Path.Combine(dir, "memory.stat")));

    /// <summary>
    /// The proportional-weight (CFQ/BFQ) files are empty or absent with most I/O schedulers; then the throttle
    /// policy's files carry the counts, as Docker falls back to them.
    /// </summary>
    private static BlockIoUsage ReadBlockIo(string dir)
    {
        var bytes = ReadBlkio(dir, "blkio.io_service_bytes_recursive");
        var serviced = ReadBlkio(dir, "blkio.io_serviced_recursive");
        if (bytes.Count == 0 && serviced.Count == 0)
        {
            bytes = ReadBlkio(dir, "blkio.throttle.io_service_bytes_recursive");
            serviced = ReadBlkio(dir, "blkio.throttle.io_serviced_recursive");
        }
        return new BlockIoUsage(bytes, serviced);
    }

    /// <summary>"8:0 Read 4096" lines; the trailing "Total N" line has no device and is skipped.</summary>
    private static List<BlockIoEntry> ReadBlkio(string dir, string file)
    {
        var entries = new List<BlockIoEntry>();
        var text = CgroupFiles.ReadText(Path.Combine(dir, file));
        if (text is null) return entries;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !CgroupFiles.TryParseDevice(parts[0], out var major, out var minor)) continue;
            if (CgroupFiles.ParseNumber(parts[2]) is { } value) entries.Add(new BlockIoEntry(major, minor, parts[1], value));
        }
        return entries;
    }

    private static PidsUsage ReadPids(string dir) => new(
        CgroupFiles.ReadNumber(Path.Combine(dir, "pids.current")) ?? 0,
        CgroupFiles.ReadNumber(Path.Combine(dir, "pids.max")) ?? 0);
}
