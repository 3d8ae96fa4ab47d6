using Berth.Engine.Stats;

namespace Berth.Engine.Tests.Stats;

public sealed class HostAndNetworkReaderTests
{
    [Fact]
    public void HostCpuSumsTheFirstSevenFieldsAndCountsCpus()
    {
        using var proc = new CgroupFixture()
            .Write("stat", "cpu  100 2 30 400 5 6 7 8 0 0\ncpu0 50 1 15 200 2 3 3 4 0 0\ncpu1 50 1 15 200 3 3 4 4 0 0\nintr 1 2 3\nctxt 99\n")
            .Write("meminfo", "MemTotal:        2048 kB\nMemFree:          1024 kB\n");
        var reader = new HostStatsReader(proc.Root);

        var cpu = reader.ReadCpu();
        Assert.Equal((100UL + 2 + 30 + 400 + 5 + 6 + 7) * 10_000_000UL, cpu.SystemUsage);
        Assert.Equal(2U, cpu.OnlineCpus);
        Assert.Equal(2048UL * 1024, reader.ReadMemoryTotal());
    }

    [Fact]
    public void NetDevSkipsHeadersAndLoopback()
    {
        const string netDev =
            "Inter-|   Receive                                                |  Transmit\n" +
            " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n" +
            "    lo:     140       2    0    0    0     0          0         0      140       2    0    0    0     0       0          0\n" +
            "  eth0:    5338      36    1    2    0     0          0         0      648       8    3    4    0     0       0          0\n";
        var networks = NetworkStatsReader.Parse(netDev);
        var eth0 = Assert.Single(networks);
        Assert.Equal("eth0", eth0.Key);
        Assert.Equal(new NetworkUsage(5338, 36, 1, 2, 648, 8, 3, 4), eth0.Value);
    }

    [Fact]
    public void NetworkReaderReadsTheProcessesNamespaceFile()
    {
        using var proc = new CgroupFixture().Write("42/net/dev", "h1\nh2\n  veth1: 10 1 0 0 0 0 0 0 20 2 0 0 0 0 0 0\n");
        Assert.Equal(20UL, new NetworkStatsReader(proc.Root).Read(42)["veth1"].TxBytes);
        Assert.Empty(new NetworkStatsReader(proc.Root).Read(43));
    }
}
