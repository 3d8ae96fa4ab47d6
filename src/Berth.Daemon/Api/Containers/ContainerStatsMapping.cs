using System.Globalization;
using Berth.Api;
using Berth.Engine.Stats;

namespace Berth.Daemon.Api.Containers;

/// <summary>Engine stats samples → the Engine API's <c>ContainerStatsResponse</c>.</summary>
public static class ContainerStatsMapping
{
    /// <summary>Go's zero time, which Docker sends for a sample that does not exist.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public static ContainerStatsResponse ToWire(ContainerStats stats)
    {
        var current = stats.Current;
        var previous = stats.Previous;
        var response = new ContainerStatsResponse
        {
            Name = "/" + stats.Name,
            Id = stats.Id,
            Read = current is null ? ZeroTime : Rfc3339Nano(current.Read),
            Preread = previous is null ? ZeroTime : Rfc3339Nano(previous.Read),
            CpuStats = Cpu(current),
            PrecpuStats = Cpu(previous),
            PidsStats = new ContainerPidsStats(),
            BlkioStats = new ContainerBlkioStats(),
            MemoryStats = new ContainerMemoryStats(),
        };
        if (current is null) return response;

        var cgroup = current.Cgroup;
        response.PidsStats = new ContainerPidsStats { Current = cgroup.Pids.Current, Limit = cgroup.Pids.Limit };
        response.BlkioStats = new ContainerBlkioStats
        {
            IoServiceBytesRecursive = [.. cgroup.BlockIo.ServiceBytesRecursive.Select(Entry)],
            IoServicedRecursive = cgroup.BlockIo.ServicedRecursive?.Select(Entry).ToList(),
        };
        response.MemoryStats = new ContainerMemoryStats
        {
            Usage = cgroup.Memory.Usage,
            MaxUsage = cgroup.Memory.MaxUsage,
            Failcnt = cgroup.Memory.FailCount,
            Limit = current.MemoryLimit,
            Stats = new Dictionary<string, ulong>(cgroup.Memory.Stats, StringComparer.Ordinal),
        };
        if (current.Networks.Count > 0)
        {
            response.Networks = current.Networks.ToDictionary(n => n.Key, n => new ContainerNetworkStats
            {
                RxBytes = n.Value.RxBytes,
                RxPackets = n.Value.RxPackets,
                RxErrors = n.Value.RxErrors,
                RxDropped = n.Value.RxDropped,
                TxBytes = n.Value.TxBytes,
                TxPackets = n.Value.TxPackets,
                TxErrors = n.Value.TxErrors,
                TxDropped = n.Value.TxDropped,
            }, StringComparer.Ordinal);
        }
        return response;
    }

    /// <summary>RFC 3339 in UTC with up to 7 fractional digits, trailing zeros dropped (what Go's RFC3339Nano prints).</summary>
    public static string Rfc3339Nano(DateTime utc)
    {
        var text = utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    private static ContainerCpuStats Cpu(StatsSample? sample)
    {
        if (sample is null)
        {
            return new ContainerCpuStats { CpuUsage = new ContainerCpuUsage(), ThrottlingData = new ContainerThrottlingData() };
        }
        var cpu = sample.Cgroup.Cpu;
        return new ContainerCpuStats
        {
            CpuUsage = new ContainerCpuUsage
            {
                TotalUsage = cpu.Total,
                PercpuUsage = cpu.PerCpu?.ToList(),
                UsageInKernelmode = cpu.KernelMode,
                UsageInUsermode = cpu.UserMode,
            },
            SystemCpuUsage = sample.Host.SystemUsage,
            OnlineCpus = sample.Host.OnlineCpus,
            ThrottlingData = new ContainerThrottlingData
            {
                Periods = cpu.ThrottlingPeriods,
                ThrottledPeriods = cpu.ThrottledPeriods,
                ThrottledTime = cpu.ThrottledTimeNanoseconds,
            },
        };
    }

    private static ContainerBlkioStatEntry Entry(BlockIoEntry entry) =>
        new() { Major = entry.Major, Minor = entry.Minor, Op = entry.Op, Value = entry.Value };
}
