using Berth.Engine.Stats;

namespace Berth.Engine.Tests.Stats;

public sealed class CgroupV2StatsReaderTests
{
    private static CgroupFixture UnifiedHost() => new CgroupFixture()
        .Write("cgroup.controllers", "cpuset cpu io memory pids\n")
        .V2("cpu.stat", "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\nnr_periods 7\nnr_throttled 1\nthrottled_usec 3000\n")
        .V2("memory.current", "8388608\n")
        .V2("memory.max", "max\n")
        .V2("memory.stat", "anon 4194304\nfile 2097152\ninactive_file 1048576\n")
        .V2("io.stat", "8:0 rbytes=4096 wbytes=12288 rios=1 wios=3 dbytes=0 dios=0\n259:1 rbytes=0 wbytes=512 rios=0 wios=1 dbytes=0 dios=0\n")
        .V2("pids.current", "2\n")
        .V2("pids.max", "100\n");

    [Fact]
    public void DetectsV2WhenTheRootIsTheUnifiedHierarchy()
    {
        using var fixture = UnifiedHost();
        Assert.IsType<CgroupV2StatsReader>(CgroupStatsReaders.Detect(fixture.Root));
    }

    [Fact]
    public void ReadsCpuMemoryIoAndPids()
    {
        using var fixture = UnifiedHost();
        var usage = new CgroupV2StatsReader(fixture.Root).Read(CgroupFixture.ContainerId);

        Assert.Equal(2_500_000_000UL, usage.Cpu.Total);
        Assert.Null(usage.Cpu.PerCpu);
        Assert.Equal(2_000_000_000UL, usage.Cpu.UserMode);
        Assert.Equal(500_000_000UL, usage.Cpu.KernelMode);
        Assert.Equal((7UL, 1UL, 3_000_000UL), (usage.Cpu.ThrottlingPeriods, usage.Cpu.ThrottledPeriods, usage.Cpu.ThrottledTimeNanoseconds));

        Assert.Equal(8_388_608UL, usage.Memory.Usage);
        Assert.Null(usage.Memory.Limit);
        Assert.Null(usage.Memory.MaxUsage);
        Assert.Null(usage.Memory.FailCount);
        Assert.Equal(1_048_576UL, usage.Memory.Stats["inactive_file"]);

        Assert.Equal(
            [new BlockIoEntry(8, 0, "read", 4096), new BlockIoEntry(8, 0, "write", 12288), new BlockIoEntry(259, 1, "read", 0), new BlockIoEntry(259, 1, "write", 512)],
            usage.BlockIo.ServiceBytesRecursive);
        Assert.Null(usage.BlockIo.ServicedRecursive);
        Assert.Equal(new PidsUsage(2, 100), usage.Pids);
    }

    [Fact]
    public void UnlimitedPidsReadAsMaxValue()
    {
        using var fixture = UnifiedHost().V2("pids.max", "max\n");
        Assert.Equal(ulong.MaxValue, new CgroupV2StatsReader(fixture.Root).Read(CgroupFixture.ContainerId).Pids.Limit);
    }
}
