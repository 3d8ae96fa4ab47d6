using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Runtime.Spec;

namespace Berth.Engine.Containers;

/// <summary>
/// <c>docker update</c>'s rules: which settings may change, how a request merges into a container's HostConfig
/// (only non-zero fields replace), dockerd's error texts, and the <c>runc update</c> resources for the result.
/// </summary>
public static class ContainerResourceUpdate
{
    private const long MinimumMemory = 6 * 1024 * 1024;
    private const long CpuPeriodMicroseconds = 100_000;

    /// <summary>Checks the request on its own (dockerd's settings verification): 400 with dockerd's texts.</summary>
    public static void Validate(ContainerUpdateRequest update)
    {
        if (update.Memory is > 0 and < MinimumMemory)
            throw BerthException.Invalid("Minimum memory limit allowed is 6MB");
        if (update.MemorySwap > 0 && update.Memory > 0 && update.MemorySwap < update.Memory)
            throw BerthException.Invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
        if (update.NanoCpus != 0)
        {
            var cpus = Environment.ProcessorCount;
            if (update.NanoCpus < 0 || update.NanoCpus > cpus * 1_000_000_000L || update.NanoCpus < 10_000_000L)
                throw BerthException.Invalid($"Range of CPUs is from 0.01 to {cpus}.00, as there are only {cpus} CPUs available");
            if (update.CpuQuota > 0 || update.CpuPeriod > 0)
                throw BerthException.Invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if (update.CpuPeriod != 0 && update.CpuPeriod is < 1000 or > 1_000_000)
            throw BerthException.Invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        if (update.CpuQuota is > 0 and < 1000)
            throw BerthException.Invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        var restart = update.RestartPolicy?.Name;
        if (restart is { Length: > 0 } && restart is not ("no" or "always" or "unless-stopped" or "on-failure"))
            throw BerthException.Invalid($"invalid restart policy: unknown policy '{restart}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        if (update.RestartPolicy is { MaximumRetryCount: > 0 } && restart != "on-failure")
            throw BerthException.Invalid($"invalid restart policy: maximum retry count can only be used with 'on-failure'");
        if (update.RestartPolicy is { MaximumRetryCount: < 0 })
            throw BerthException.Invalid("invalid restart policy: maximum retry count cannot be negative");
    }

    /// <summary>
    /// The container's HostConfig with the update applied (a copy; the record's own stays untouched). Conflicts
    /// with what is already set are 400 <c>Cannot update container ID: …</c>, as dockerd answers.
    /// </summary>
    public static HostConfig Merge(ContainerRecord record, ContainerUpdateRequest update)
    {
        var current = record.HostConfig;
        string? conflict = null;
        if (update.NanoCpus > 0 && current.CpuPeriod > 0) conflict = "Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set";
        else if (update.NanoCpus > 0 && current.CpuQuota > 0) conflict = "Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set";
        else if (update.CpuPeriod > 0 && current.NanoCpus > 0) conflict = "Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set";
        else if (update.CpuQuota > 0 && current.NanoCpus > 0) conflict = "Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set";
        else if (update.Memory != 0 && update.MemorySwap == 0 && update.Memory > EffectiveSwap(current))
            conflict = "Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time";
        else if (update.RestartPolicy?.Name is { Length: > 0 } name && name != "no" && current.AutoRemove == true)
            conflict = "Restart policy cannot be updated because AutoRemove is enabled for the container";
        if (conflict is not null) throw BerthException.Invalid($"Cannot update container {record.Id}: {conflict}");

        var merged = Copy(current);
        // dockerd stores memory+swap as twice the memory when only memory was given; keep that value explicit
        // so a new memory limit does not silently move the swap limit with it.
        merged.MemorySwap = EffectiveSwap(current);
        if (update.BlkioWeight != 0) merged.BlkioWeight = update.BlkioWeight;
        if (update.CpuShares != 0) merged.CpuShares = update.CpuShares;
        if (update.NanoCpus != 0) merged.NanoCpus = update.NanoCpus;
        if (update.CpuPeriod != 0) merged.CpuPeriod = update.CpuPeriod;
        if (update.CpuQuota != 0) merged.CpuQuota = update.CpuQuota;
        if (!string.IsNullOrEmpty(update.CpusetCpus)) merged.CpusetCpus = update.CpusetCpus;
        if (!string.IsNullOrEmpty(update.CpusetMems)) merged.CpusetMems = update.CpusetMems;
        if (update.Memory != 0) merged.Memory = update.Memory;
        if (update.MemorySwap != 0) merged.MemorySwap = update.MemorySwap;
        if (update.MemoryReservation != 0) merged.MemoryReservation = update.MemoryReservation;
        if (update.PidsLimit is { } pids) merged.PidsLimit = pids <= 0 ? 0 : pids;
        if (update.RestartPolicy is { Name.Length: > 0 } policy)
            merged.RestartPolicy = new RestartPolicy { Name = policy.Name, MaximumRetryCount = policy.MaximumRetryCount };
        return merged;
    }

    /// <summary>True when the request changes a cgroup setting (not only the restart policy).</summary>
    public static bool ChangesResources(ContainerUpdateRequest update) =>
        update.BlkioWeight != 0 || update.CpuShares != 0 || update.NanoCpus != 0 || update.CpuPeriod != 0
        || update.CpuQuota != 0 || !string.IsNullOrEmpty(update.CpusetCpus) || !string.IsNullOrEmpty(update.CpusetMems)
        || update.Memory != 0 || update.MemorySwap != 0 || update.MemoryReservation != 0 || update.PidsLimit is not null;

    /// <summary>
    /// What <c>runc update -r -</c> gets for the merged settings: runc leaves every field that is absent (or 0)
    /// as it is, so only settings that are in force are sent; an unlimited pids limit is -1.
    /// </summary>
    public static LinuxResources ToLinuxResources(HostConfig host)
    {
        var resources = new LinuxResources();
        if (host.Memory > 0)
        {
            resources.Memory = new MemoryResources { Limit = host.Memory, Swap = EffectiveSwap(host) };
            if (host.MemoryReservation > 0) resources.Memory.Reservation = host.MemoryReservation;
        }
        var cpu = new CpuResources();
        if (host.CpuShares > 0) cpu.Shares = (ulong)host.CpuShares;
        if (host.NanoCpus > 0)
        {
            cpu.Period = CpuPeriodMicroseconds;
            cpu.Quota = host.NanoCpus * CpuPeriodMicroseconds / 1_000_000_000L;
        }
        else
        {
            if (host.CpuPeriod > 0) cpu.Period = (ulong)host.CpuPeriod;
            if (host.CpuQuota != 0) cpu.Quota = host.CpuQuota;
        }
        if (!string.IsNullOrEmpty(host.CpusetCpus)) cpu.Cpus = host.CpusetCpus;
        if (!string.IsNullOrEmpty(host.CpusetMems)) cpu.Mems = host.CpusetMems;
        if (cpu.Shares is not null || cpu.Period is not null || cpu.Quota is not null || cpu.Cpus is not null || cpu.Mems is not null)
            resources.Cpu = cpu;
        if (host.PidsLimit is { } pids) resources.Pids = new PidsResources { Limit = pids > 0 ? pids : -1 };
        return resources;
    }

    /// <summary>Memory plus swap in force: as set, or twice the memory when only memory was set (dockerd's default).</summary>
    public static long EffectiveSwap(HostConfig host) =>
        host.MemorySwap == 0 && host.Memory > 0 ? host.Memory * 2 : host.MemorySwap;

    private static HostConfig Copy(HostConfig host) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(host, BerthApiJsonContext.Default.HostConfig), BerthApiJsonContext.Default.HostConfig)!;
}
