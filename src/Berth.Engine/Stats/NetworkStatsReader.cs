using System.Globalization;

namespace Berth.Engine.Stats;

/// <summary>
/// Per-interface counters of a process's network namespace from <c>/proc/&lt;pid&gt;/net/dev</c> (the file shows
/// the namespace of the process it is read through). The loopback interface is left out, as Docker does.
/// </summary>
public sealed class NetworkStatsReader(string procRoot = "/proc")
{
    public IReadOnlyDictionary<string, NetworkUsage> Read(int pid) =>
        Parse(CgroupFiles.ReadText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "net", "dev")) ?? "");

    /// <summary>Two header lines, then "name: rx_bytes rx_packets rx_errs rx_drop fifo frame compressed multicast tx_bytes tx_packets tx_errs tx_drop …".</summary>
    public static IReadOnlyDictionary<string, NetworkUsage> Parse(string netDev)
    {
        var result = new SortedDictionary<string, NetworkUsage>(StringComparer.Ordinal);
        foreach (var line in netDev.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var name = line[..colon].Trim();
            if (name.Length == 0 || name == "lo") continue;
            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 12) continue;
            var n = new ulong[12];
            var ok = true;
            for (var i = 0; i < 12 && ok; i++)
                ok = ulong.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i]);
            if (!ok) continue;
            result[name] = new NetworkUsage(n[0], n[1], n[2], n[3], n[8], n[9], n[10], n[11]);
        }
        return result;
    }
}
