using System.Globalization;

namespace Berth.Engine.Stats;

/// <summary>The host side of a stats sample: total CPU time and online CPUs (/proc/stat), memory size (/proc/meminfo).</summary>
public sealed class HostStatsReader(string procRoot = "/proc")
{
    /// <summary>/proc/stat counts USER_HZ ticks (100 per second on Linux).</summary>
    private const ulong NanosecondsPerTick = 1_000_000_000UL / 100;

    /// <summary>
    /// The first line's user, nice, system, idle, iowait, irq and softirq ticks summed (what Docker calls
    /// system_cpu_usage), in nanoseconds; online CPUs are the per-CPU lines that follow it.
    /// </summary>
    public HostCpuUsage ReadCpu()
    {
        var text = CgroupFiles.ReadText(Path.Combine(procRoot, "stat")) ?? "";
        ulong ticks = 0;
        uint cpus = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal)) continue;
            if (line.Length > 3 && char.IsAsciiDigit(line[3]))
            {
                cpus++;
                continue;
            }
            foreach (var field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(7))
            {
                if (ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) ticks += value;
            }
        }
        return new HostCpuUsage(ticks * NanosecondsPerTick, cpus);
    }

    /// <summary>MemTotal in bytes; 0 when unknown.</summary>
    public ulong ReadMemoryTotal()
    {
        var text = CgroupFiles.ReadText(Path.Combine(procRoot, "meminfo")) ?? "";
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal)) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)) return kib * 1024;
        }
        return 0;
    }
}
