using Berth.Runtime.Spec;

namespace Berth.Engine.Specs;

public sealed partial class RuntimeSpecBuilder
{
    private const ulong CpuPeriodMicroseconds = 100_000;

    /// <summary>
    /// Docker's default device rules: deny everything, allow mknod of any device, and use of the standard
    /// nodes (null, zero, full, random, urandom, tty, console, ptmx, pts, tun). Everything else (fuse included)
    /// stays denied by the first rule; cgroup v1 cannot punch a deny hole into the mknod wildcard anyway.
    /// </summary>
    public static IReadOnlyList<DeviceCgroupRule> DefaultDeviceRules { get; } =
    [
        new() { Allow = false, Access = "rwm" },
        new() { Allow = true, Type = "c", Access = "m" },
        new() { Allow = true, Type = "b", Access = "m" },
        new() { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 1, Minor = 5, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 1, Minor = 7, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 1, Minor = 8, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 1, Minor = 9, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 5, Minor = 0, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 5, Minor = 1, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 5, Minor = 2, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 136, Access = "rwm" },
        new() { Allow = true, Type = "c", Major = 10, Minor = 200, Access = "rwm" },
    ];

    private static LinuxResources BuildResources(RuntimeSpecInput input)
    {
        var resources = new LinuxResources
        {
            Devices = input.Privileged ? [new DeviceCgroupRule { Allow = true, Access = "rwm" }] : [.. DefaultDeviceRules],
        };
        if (input.MemoryBytes > 0)
        {
            resources.Memory = new MemoryResources
            {
                Limit = input.MemoryBytes,
                // Docker: memory-swap 0 (unset) means twice the memory; -1 unlimited; else memory+swap.
                Swap = input.MemorySwapBytes switch
                {
                    0 => input.MemoryBytes * 2,
                    < 0 => -1,
                    _ => input.MemorySwapBytes,
                },
            };
        }
        if (input.NanoCpus > 0 || input.CpuShares > 0 || input.CpuPeriod > 0 || input.CpuQuota > 0
            || input.CpusetCpus.Length > 0 || input.CpusetMems.Length > 0)
        {
            resources.Cpu = new CpuResources();
            if (input.CpuShares > 0) resources.Cpu.Shares = (ulong)input.CpuShares;
            if (input.NanoCpus > 0)
            {
                resources.Cpu.Period = CpuPeriodMicroseconds;
                resources.Cpu.Quota = (long)((ulong)input.NanoCpus * CpuPeriodMicroseconds / 1_000_000_000UL);
            }
            else
            {
                if (input.CpuPeriod > 0) resources.Cpu.Period = (ulong)input.CpuPeriod;
                if (input.CpuQuota > 0) resources.Cpu.Quota = input.CpuQuota;
            }
            if (input.CpusetCpus.Length > 0) resources.Cpu.Cpus = input.CpusetCpus;
            if (input.CpusetMems.Length > 0) resources.Cpu.Mems = input.CpusetMems;
        }
        if (input.PidsLimit > 0) resources.Pids = new PidsResources { Limit = input.PidsLimit };
        return resources;
    }
}
