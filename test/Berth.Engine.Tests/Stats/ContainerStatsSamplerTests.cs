using Berth.Engine.Stats;

namespace Berth.Engine.Tests.Stats;

public sealed class ContainerStatsSamplerTests : IDisposable
{
    private readonly CgroupFixture _proc = new CgroupFixture()
        .Write("stat", "cpu  100 0 0 100 0 0 0 0 0 0\ncpu0 50 0 0 50 0 0 0 0 0 0\n")
        .Write("meminfo", "MemTotal: 1024 kB\n");

    /// <summary>Each read reports 1 ms more CPU time than the one before.</summary>
    private sealed class CountingReader(ulong? memoryLimit) : ICgroupStatsReader
    {
        private ulong _reads;

        public CgroupUsage Read(string containerId)
        {
            var n = Interlocked.Increment(ref _reads);
            return CgroupUsage.Empty with
            {
                Cpu = CpuUsage.Zero with { Total = n * 1_000_000 },
                Memory = MemoryUsage.Zero with { Usage = 4096, Limit = memoryLimit },
            };
        }
    }

    private ContainerStatsSampler Sampler(ulong? memoryLimit = null) => new(
        new ContainerStatsCollector(new CountingReader(memoryLimit), new HostStatsReader(_proc.Root), new NetworkStatsReader(_proc.Root), TimeProvider.System),
        () => [], TimeProvider.System);

    private static readonly RunningTarget Target = new("abc", 1);

    [Fact]
    public async Task OneShotOfAContainerNeverSampledHasNoPrevious()
    {
        await using var sampler = Sampler();
        var (current, previous) = (await sampler.SampleAsync([Target], oneShot: true, CancellationToken.None))[0];
        Assert.Null(previous);
        Assert.Equal(1_000_000UL, current.Cgroup.Cpu.Total);
    }

    [Fact]
    public async Task AColdContainerGetsTwoReadingsAndLaterRequestsReuseTheKeptOne()
    {
        await using var sampler = Sampler();
        var (first, firstPrevious) = (await sampler.SampleAsync([Target], oneShot: false, CancellationToken.None))[0];
        Assert.NotNull(firstPrevious);
        Assert.True(first.Cgroup.Cpu.Total > firstPrevious.Cgroup.Cpu.Total);
        Assert.True(first.Read > firstPrevious.Read);

        var (second, secondPrevious) = (await sampler.SampleAsync([Target], oneShot: true, CancellationToken.None))[0];
        Assert.NotNull(secondPrevious);
        Assert.True(second.Cgroup.Cpu.Total > secondPrevious.Cgroup.Cpu.Total);
    }

    [Fact]
    public async Task MemoryLimitIsTheHostsWhenTheCgroupHasNoneOrMore()
    {
        await using (var unlimited = Sampler(memoryLimit: 9_223_372_036_854_771_712))
        {
            var (current, _) = (await unlimited.SampleAsync([Target], oneShot: true, CancellationToken.None))[0];
            Assert.Equal(1024UL * 1024, current.MemoryLimit);
        }
        await using var limited = Sampler(memoryLimit: 65536);
        Assert.Equal(65536UL, (await limited.SampleAsync([Target], oneShot: true, CancellationToken.None))[0].Current.MemoryLimit);
    }

    public void Dispose() => _proc.Dispose();
}
