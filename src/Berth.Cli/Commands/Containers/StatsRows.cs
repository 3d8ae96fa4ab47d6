using System.Globalization;
using System.Text.Json.Nodes;
using Berth.Api;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// Display rows for <c>stats</c>, computed from a daemon sample as the docker CLI does: CPU % from the
/// cpu/precpu deltas, memory without the inactive page cache, binary units for memory, decimal ones for I/O.
/// </summary>
public static class StatsRows
{
    public const string DefaultFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>
    {
        ["Container"] = "CONTAINER",
        ["ID"] = "CONTAINER ID",
        ["Name"] = "NAME",
        ["CPUPerc"] = "CPU %",
        ["MemUsage"] = "MEM USAGE / LIMIT",
        ["MemPerc"] = "MEM %",
        ["NetIO"] = "NET I/O",
        ["BlockIO"] = "BLOCK I/O",
        ["PIDs"] = "PIDS",
    };

    /// <param name="container">What the user named (or the short ID when listing every container): <c>.Container</c>.</param>
    public static JsonObject Build(ContainerStatsResponse stats, string container, bool truncate)
    {
        var id = stats.Id ?? "";
        var name = (stats.Name ?? "").TrimStart('/');
        var memoryUsed = MemoryUsed(stats.MemoryStats);
        var limit = (double)(stats.MemoryStats?.Limit ?? 0);
        var (netRx, netTx) = NetworkBytes(stats.Networks);
        var (blockRead, blockWrite) = BlockBytes(stats.BlkioStats);
        return new JsonObject
        {
            ["Container"] = container,
            ["ID"] = truncate ? HumanUnits.ShortId(id) : id,
            ["Name"] = name.Length == 0 ? "--" : name,
            ["CPUPerc"] = Percent(CpuPercent(stats)),
            ["MemUsage"] = HumanUnits.BinarySize(memoryUsed) + " / " + HumanUnits.BinarySize(limit),
            ["MemPerc"] = Percent(limit == 0 ? 0 : memoryUsed / limit * 100.0),
            ["NetIO"] = HumanUnits.Size(netRx, 3) + " / " + HumanUnits.Size(netTx, 3),
            ["BlockIO"] = HumanUnits.Size(blockRead, 3) + " / " + HumanUnits.Size(blockWrite, 3),
            ["PIDs"] = (stats.PidsStats?.Current ?? 0).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>(cpuDelta / systemDelta) × online CPUs × 100; 0 unless both deltas are positive.</summary>
    public static double CpuPercent(ContainerStatsResponse stats)
    {
        var cpu = stats.CpuStats;
        var pre = stats.PrecpuStats;
        var cpuDelta = (double)(cpu?.CpuUsage?.TotalUsage ?? 0) - (pre?.CpuUsage?.TotalUsage ?? 0);
        var systemDelta = (double)(cpu?.SystemCpuUsage ?? 0) - (pre?.SystemCpuUsage ?? 0);
        var online = (double)(cpu?.OnlineCpus ?? 0);
        if (online == 0) online = cpu?.CpuUsage?.PercpuUsage?.Count ?? 0;
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100.0 : 0;
    }

    /// <summary>Usage minus inactive file pages (v1: total_inactive_file; v2: inactive_file), when smaller than usage.</summary>
    public static double MemoryUsed(ContainerMemoryStats? memory)
    {
        if (memory is null) return 0;
        var usage = memory.Usage ?? 0;
        var stats = memory.Stats;
        if (stats is not null && stats.TryGetValue("total_inactive_file", out var v1) && v1 < usage) return usage - v1;
        var v2 = stats is not null && stats.TryGetValue("inactive_file", out var inactive) ? inactive : 0;
        return v2 < usage ? usage - v2 : usage;
    }

    private static (double Rx, double Tx) NetworkBytes(Dictionary<string, ContainerNetworkStats>? networks)
    {
        double rx = 0, tx = 0;
        foreach (var network in (networks ?? []).Values)
        {
            rx += network.RxBytes;
            tx += network.TxBytes;
        }
        return (rx, tx);
    }

    private static (double Read, double Write) BlockBytes(ContainerBlkioStats? blkio)
    {
        double read = 0, write = 0;
        foreach (var entry in blkio?.IoServiceBytesRecursive ?? [])
        {
            switch (entry.Op is { Length: > 0 } op ? char.ToLowerInvariant(op[0]) : ' ')
            {
                case 'r': read += entry.Value; break;
                case 'w': write += entry.Value; break;
            }
        }
        return (read, write);
    }

    private static string Percent(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "%";
}
