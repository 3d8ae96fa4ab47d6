using Berth.Api;
using Berth.Cli.Commands.Containers;
using Berth.Cli.Output;

namespace Berth.Cli.Tests.Output;

public sealed class StatsRowsTests
{
    private static ContainerStatsResponse Sample() => new()
    {
        Id = "4c01db0b339c1234567890abcdef",
        Name = "/web",
        CpuStats = new ContainerCpuStats
        {
            CpuUsage = new ContainerCpuUsage { TotalUsage = 1_500_000_000, PercpuUsage = [1, 2] },
            SystemCpuUsage = 20_000_000_000,
            OnlineCpus = 2,
        },
        PrecpuStats = new ContainerCpuStats
        {
            CpuUsage = new ContainerCpuUsage { TotalUsage = 1_000_000_000 },
            SystemCpuUsage = 18_000_000_000,
            OnlineCpus = 2,
        },
        MemoryStats = new ContainerMemoryStats
        {
            Usage = 60 * 1024 * 1024,
            Limit = 256 * 1024 * 1024,
            Stats = new Dictionary<string, ulong> { ["total_inactive_file"] = 10 * 1024 * 1024, ["inactive_file"] = 1 },
        },
        Networks = new Dictionary<string, ContainerNetworkStats>
        {
            ["eth0"] = new() { RxBytes = 1500, TxBytes = 648 },
            ["eth1"] = new() { RxBytes = 500, TxBytes = 0 },
        },
        BlkioStats = new ContainerBlkioStats
        {
            IoServiceBytesRecursive =
            [
                new() { Major = 8, Minor = 0, Op = "Read", Value = 4_500_000 },
                new() { Major = 8, Minor = 0, Op = "Write", Value = 12_288 },
                new() { Major = 8, Minor = 0, Op = "Total", Value = 4_512_288 },
                new() { Major = 8, Minor = 16, Op = "read", Value = 500_000 },
            ],
        },
        PidsStats = new ContainerPidsStats { Current = 7 },
    };

    [Fact]
    public void CpuPercentIsTheDeltaShareTimesOnlineCpus()
    {
        // 0.5 s of CPU over 2 s of host time on 2 CPUs: 50%.
        Assert.Equal(50.0, StatsRows.CpuPercent(Sample()), 6);
        var noHostDelta = Sample();
        noHostDelta.PrecpuStats!.SystemCpuUsage = noHostDelta.CpuStats!.SystemCpuUsage;
        Assert.Equal(0.0, StatsRows.CpuPercent(noHostDelta));
        var noOnline = Sample();
        noOnline.CpuStats!.OnlineCpus = null;
        Assert.Equal(50.0, StatsRows.CpuPercent(noOnline), 6);
    }

    [Fact]
    public void MemoryLeavesOutInactiveFilePages()
    {
        Assert.Equal(50.0 * 1024 * 1024, StatsRows.MemoryUsed(Sample().MemoryStats));
        var v2 = new ContainerMemoryStats { Usage = 1000, Stats = new Dictionary<string, ulong> { ["inactive_file"] = 300 } };
        Assert.Equal(700.0, StatsRows.MemoryUsed(v2));
        Assert.Equal(0.0, StatsRows.MemoryUsed(new ContainerMemoryStats()));
    }

    [Fact]
    public void DefaultTableMatchesDockersColumnsAndUnits()
    {
        var output = new ListFormatter(null, StatsRows.DefaultFormat, StatsRows.Headers).Render([StatsRows.Build(Sample(), "web", truncate: true)]);
        var expected =
            "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O      BLOCK I/O      PIDS\n" +
            "4c01db0b339c   web       50.00%    50MiB / 256MiB      19.53%    2kB / 648B   5MB / 12.3kB   7\n";
        Assert.Equal(expected, output);
    }

    [Fact]
    public void AStoppedContainersZerosFormatLikeDockers()
    {
        var stopped = new ContainerStatsResponse
        {
            Id = "d7886598dbe2ffff", Name = "/db",
            CpuStats = new ContainerCpuStats { CpuUsage = new ContainerCpuUsage() },
            PrecpuStats = new ContainerCpuStats { CpuUsage = new ContainerCpuUsage() },
            MemoryStats = new ContainerMemoryStats(), PidsStats = new ContainerPidsStats(), BlkioStats = new ContainerBlkioStats(),
        };
        var row = StatsRows.Build(stopped, "db", truncate: false);
        Assert.Equal("d7886598dbe2ffff", row["ID"]!.GetValue<string>());
        Assert.Equal("0.00% 0B / 0B 0.00% 0B / 0B 0B / 0B 0",
            string.Join(' ', new[] { "CPUPerc", "MemUsage", "MemPerc", "NetIO", "BlockIO", "PIDs" }.Select(k => row[k]!.GetValue<string>())));
    }

    [Fact]
    public void CustomTemplateUsesDockersFieldNames()
    {
        var output = new ListFormatter("table {{.Container}}\t{{.Name}}\t{{.PIDs}}", StatsRows.DefaultFormat, StatsRows.Headers)
            .Render([StatsRows.Build(Sample(), "web", truncate: true)]);
        Assert.Equal("CONTAINER   NAME      PIDS\nweb         web       7\n", output);
        var raw = new ListFormatter("{{.ID}}: {{.CPUPerc}} {{.MemPerc}}", StatsRows.DefaultFormat, StatsRows.Headers)
            .Render([StatsRows.Build(Sample(), "web", truncate: false)]);
        Assert.Equal("4c01db0b339c1234567890abcdef: 50.00% 19.53%\n", raw);
    }

    [Fact]
    public void LiveFramesRedrawInPlace()
    {
        Assert.Equal("\u001b[2J\u001b[Ha\u001b[K\nb\u001b[K\n\u001b[J", StatsScreen.Frame("a\nb\n", first: true));
        Assert.Equal("\u001b[Ha\u001b[K\n\u001b[J", StatsScreen.Frame("a\n", first: false));
    }

    [Fact]
    public void BulkSamplesMatchNamesIdsAndUniqueIdPrefixes()
    {
        var samples = new[]
        {
            new ContainerStatsResponse { Id = "abc111", Name = "/web" },
            new ContainerStatsResponse { Id = "abc222", Name = "/db" },
        };
        Assert.Equal("abc111", StatsCommand.Match(samples, "web")!.Id);
        Assert.Equal("abc222", StatsCommand.Match(samples, "abc222")!.Id);
        Assert.Equal("abc222", StatsCommand.Match(samples, "abc2")!.Id);
        Assert.Null(StatsCommand.Match(samples, "abc"));
        Assert.Null(StatsCommand.Match(samples, "nosuch"));
    }
}
