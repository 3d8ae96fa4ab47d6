using Berth.Api;
using Berth.Core;
using Berth.Engine.Containers;

namespace Berth.Engine.Tests.Containers;

public sealed class ContainerResourceUpdateTests
{
    private static ContainerRecord Record(HostConfig host) => new()
    {
        Id = new string('a', 64),
        Name = "c",
        Created = DateTimeOffset.UnixEpoch,
        ImageId = "sha256:" + new string('b', 64),
        ImageName = "busybox",
        Config = new ContainerConfig(),
        HostConfig = host,
        Path = "sh",
        Args = [],
    };

    [Fact]
    public void MemoryBelowSixMegabytesIsRejected()
    {
        var e = Assert.Throws<BerthException>(() => ContainerResourceUpdate.Validate(new ContainerUpdateRequest { Memory = 3 * 1024 * 1024 }));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Equal("Minimum memory limit allowed is 6MB", e.Message);
    }

    [Fact]
    public void MemoryAboveTheSwapInForceNeedsTheSwapToo()
    {
        var record = Record(new HostConfig { Memory = 32 << 20 });
        // dockerd's default swap is twice the memory: 64 MiB still fits, 100 MiB does not.
        var merged = ContainerResourceUpdate.Merge(record, new ContainerUpdateRequest { Memory = 64 << 20 });
        Assert.Equal(64L << 20, merged.Memory);
        Assert.Equal(64L << 20, merged.MemorySwap);
        var e = Assert.Throws<BerthException>(() => ContainerResourceUpdate.Merge(record, new ContainerUpdateRequest { Memory = 100 << 20 }));
        Assert.Equal($"Cannot update container {record.Id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time", e.Message);
        Assert.Equal(100L << 20, ContainerResourceUpdate.Merge(record, new ContainerUpdateRequest { Memory = 100 << 20, MemorySwap = -1 }).Memory);
    }

    [Fact]
    public void RestartPolicyCannotBeSetWithAutoRemove()
    {
        var record = Record(new HostConfig { AutoRemove = true });
        var e = Assert.Throws<BerthException>(() => ContainerResourceUpdate.Merge(record, new ContainerUpdateRequest { RestartPolicy = new RestartPolicy { Name = "always" } }));
        Assert.EndsWith("Restart policy cannot be updated because AutoRemove is enabled for the container", e.Message);
        Assert.Equal("no", ContainerResourceUpdate.Merge(record, new ContainerUpdateRequest { RestartPolicy = new RestartPolicy { Name = "no" } }).RestartPolicy!.Name);
    }

    [Fact]
    public void MergeLeavesTheRecordsOwnHostConfigAlone()
    {
        var host = new HostConfig { CpuShares = 512, RestartPolicy = new RestartPolicy { Name = "no" } };
        var merged = ContainerResourceUpdate.Merge(Record(host), new ContainerUpdateRequest
        {
            NanoCpus = 500_000_000,
            PidsLimit = 50,
            RestartPolicy = new RestartPolicy { Name = "on-failure", MaximumRetryCount = 3 },
        });
        Assert.Equal((512L, 500_000_000L, 50L, "on-failure", 3), (merged.CpuShares, merged.NanoCpus, merged.PidsLimit!.Value, merged.RestartPolicy!.Name!, merged.RestartPolicy.MaximumRetryCount));
        Assert.Equal(0, host.NanoCpus);
        Assert.Equal("no", host.RestartPolicy.Name);
    }

    [Fact]
    public void NanoCpusConflictWithAQuotaAlreadySet()
    {
        var record = Record(new HostConfig { CpuQuota = 50_000 });
        var e = Assert.Throws<BerthException>(() => ContainerResourceUpdate.Merge(record, new ContainerUpdateRequest { NanoCpus = 1_000_000_000 }));
        Assert.EndsWith("Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set", e.Message);
    }

    [Fact]
    public void RuncResourcesCarryOnlyWhatIsInForce()
    {
        var resources = ContainerResourceUpdate.ToLinuxResources(new HostConfig { Memory = 64 << 20, NanoCpus = 1_500_000_000, PidsLimit = 0, CpusetCpus = "0" });
        Assert.Equal(64L << 20, resources.Memory!.Limit);
        Assert.Equal(128L << 20, resources.Memory.Swap);
        Assert.Equal((100_000UL, 150_000L, "0"), (resources.Cpu!.Period!.Value, resources.Cpu.Quota!.Value, resources.Cpu.Cpus!));
        Assert.Equal(-1, resources.Pids!.Limit);
        Assert.Null(resources.Devices);

        var none = ContainerResourceUpdate.ToLinuxResources(new HostConfig());
        Assert.Null(none.Memory);
        Assert.Null(none.Cpu);
        Assert.Null(none.Pids);
    }
}
