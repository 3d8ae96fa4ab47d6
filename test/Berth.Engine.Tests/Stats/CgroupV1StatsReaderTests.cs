using Berth.Engine.Stats;

namespace Berth.Engine.Tests.Stats;

public sealed class CgroupV1StatsReaderTests
{
    private static CgroupFixture HybridHost()
    {
        var fixture = new CgroupFixture()
            .Write("unified/cgroup.controllers", "")
            .V1("cpuacct", "cpuacct.usage", "1500000000\n")
            .V1("cpuacct", "cpuacct.usage_percpu", "1000000000 500000000 \n")
            .V1("cpuacct", "cpuacct.stat", "user 120\nsystem 30\n")
            .V1("cpu", "cpu.stat", "nr_periods 10\nnr_throttled 4\nthrottled_time 123456\n")
            .V1("memory", "memory.usage_in_bytes", "10485760\n")
            .V1("memory", "memory.limit_in_bytes", "67108864\n")
            .V1("memory", "memory.max_usage_in_bytes", "20971520\n")
            .V1("memory", "memory.failcnt", "2\n")
            .V1("memory", "memory.stat", "cache 4096\nrss 8192\ntotal_inactive_file 2097152\n")
            .V1("blkio", "blkio.io_service_bytes_recursive", "")
            .V1("blkio", "blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\n8:0 Total 12288\nTotal 12288\n")
            .V1("blkio", "blkio.throttle.io_serviced_recursive", "8:0 Read 1\n8:0 Write 2\nTotal 3\n")
            .V1("pids", "pids.current", "3\n")
            .V1("pids", "pids.max", "max\n");
        return fixture;
    }

    [Fact]
    public void DetectsV1OnAHybridHost()
    {
        using var fixture = HybridHost();
        Assert.IsType<CgroupV1StatsReader>(CgroupStatsReaders.Detect(fixture.Root));
    }

    [Fact]
    public void ReadsCpuMemoryBlockIoAndPids()
    {
        using var fixture = HybridHost();
        var usage = new CgroupV1StatsReader(fixture.Root).Read(CgroupFixture.ContainerId);

        Assert.Equal(1_500_000_000UL, usage.Cpu.Total);
        Assert.Equal([1_000_000_000UL, 500_000_000UL], usage.Cpu.PerCpu!);
        Assert.Equal(1_200_000_000UL, usage.Cpu.UserMode);
        Assert.Equal(300_000_000UL, usage.Cpu.KernelMode);
        Assert.Equal((10UL, 4UL, 123456UL), (usage.Cpu.ThrottlingPeriods, usage.Cpu.ThrottledPeriods, usage.Cpu.ThrottledTimeNanoseconds));

        Assert.Equal(10_485_760UL, usage.Memory.Usage);
        Assert.Equal(67_108_864UL, usage.Memory.Limit);
        Assert.Equal(20_971_520UL, usage.Memory.MaxUsage);
        Assert.Equal(2UL, usage.Memory.FailCount);
        Assert.Equal(2_097_152UL, usage.Memory.Stats["total_inactive_file"]);
        Assert.Equal(4096UL, usage.Memory.Stats["cache"]);

        // The weight-policy file is empty, so the throttle policy's counts are used; "Total" lines are skipped.
        Assert.Equal(
            [new BlockIoEntry(8, 0, "Read", 4096), new BlockIoEntry(8, 0, "Write", 8192), new BlockIoEntry(8, 0, "Sync", 0), new BlockIoEntry(8, 0, "Total", 12288)],
            usage.BlockIo.ServiceBytesRecursive);
        Assert.Equal(2, usage.BlockIo.ServicedRecursive!.Count);

        Assert.Equal(new PidsUsage(3, 0), usage.Pids);
    }

    [Fact]
    public void AMissingGroupReadsAsZeros()
    {
        using var fixture = new CgroupFixture();
        var usage = new CgroupV1StatsReader(fixture.Root).Read(CgroupFixture.ContainerId);
        Assert.Equal(0UL, usage.Cpu.Total);
        Assert.Null(usage.Cpu.PerCpu);
        Assert.Equal(0UL, usage.Memory.Usage);
        Assert.Null(usage.Memory.Limit);
        Assert.Empty(usage.BlockIo.ServiceBytesRecursive);
        Assert.Equal(new PidsUsage(0, 0), usage.Pids);
    }
}
