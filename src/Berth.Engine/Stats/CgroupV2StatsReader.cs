namespace Berth.Engine.Stats;

/// <summary>
/// cgroup v2: the container's group at <c>&lt;root&gt;/berth/&lt;id&gt;</c> in the unified tree: cpu.stat
/// (microseconds), memory.current/max/stat, io.stat and pids.current/max. No per-CPU usage, max usage or
/// fail count exist there; Docker leaves those out on v2 too.
/// </summary>
public sealed class CgroupV2StatsReader(string cgroupRoot = "/sys/fs/cgroup") : ICgroupStatsReader
{
    public CgroupUsage Read(string containerId)
    {
        var dir = Path.Combine(cgroupRoot, CgroupStatsReaders.ContainerPath(containerId));
        return new CgroupUsage(ReadCpu(dir), ReadMemory(dir), ReadBlockIo(dir), ReadPids(dir));
    }

    private static CpuUsage ReadCpu(string dir)
    {
        var stat = CgroupFiles.ReadKeyValues(Path.Combine(dir, "cpu.stat"));
        return new CpuUsage(
            stat.GetValueOrDefault("usage_usec") * 1000,
            null,
            stat.GetValueOrDefault("system_usec") * 1000,
            stat.GetValueOrDefault("user_usec") * 1000,
            stat.GetValueOrDefault("nr_periods"),
            stat.GetValueOrDefault("nr_throttled"),
            stat.GetValueOrDefault("throttled_usec") * 1000);
    }

    private static MemoryUsage ReadMemory(string dir) => new(
        CgroupFiles.ReadNumber(Path.Combine(dir, "memory.current")) ?? 0,
        CgroupFiles.ReadNumber(Path.Combine(dir, "memory.max")),
        null,
        null,
        CgroupFiles.ReadKeyValues(Path.Combine(dir, "memory.stat")));

    /// <summary>io.stat lines: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0" → read and write byte entries.</summary>
    private static BlockIoUsage ReadBlockIo(string dir)
    {
        var entries = new List<BlockIoEntry>();
        var text = CgroupFiles.ReadText(Path.Combine(dir, "io.stat"));
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !CgroupFiles.TryParseDevice(parts[0], out var major, out var minor)) continue;
            foreach (var field in parts.Skip(1))
            {
                var eq = field.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || CgroupFiles.ParseNumber(field[(eq + 1)..]) is not { } value) continue;
                var op = field[..eq] switch { "rbytes" => "read", "wbytes" => "write", _ => null };
                if (op is not null) entries.Add(new BlockIoEntry(major, minor, op, value));
            }
        }
        return new BlockIoUsage(entries, null);
    }

    private static PidsUsage ReadPids(string dir)
    {
        var max = Path.Combine(dir, "pids.max");
        return new PidsUsage(
            CgroupFiles.ReadNumber(Path.Combine(dir, "pids.current")) ?? 0,
            CgroupFiles.IsMax(max) ? ulong.MaxValue : CgroupFiles.ReadNumber(max) ?? 0);
    }
}
