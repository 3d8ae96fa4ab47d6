namespace Berth.Engine.Stats;

/// <summary>Takes one <see cref="StatsSample"/> of a running container: its cgroup, the host's CPU time, its network namespace.</summary>
public sealed class ContainerStatsCollector
{
    private readonly ICgroupStatsReader _cgroups;
    private readonly HostStatsReader _host;
    private readonly NetworkStatsReader _network;
    private readonly TimeProvider _time;
    private readonly Lazy<ulong> _hostMemory;

    public ContainerStatsCollector(ICgroupStatsReader cgroups, HostStatsReader host, NetworkStatsReader network, TimeProvider time)
    {
        _cgroups = cgroups;
        _host = host;
        _network = network;
        _time = time;
        _hostMemory = new Lazy<ulong>(host.ReadMemoryTotal);
    }

    /// <summary>Readers for this host: the cgroup version found at run time, the real /proc.</summary>
    public static ContainerStatsCollector ForHost(TimeProvider time) =>
        new(CgroupStatsReaders.Detect(), new HostStatsReader(), new NetworkStatsReader(), time);

    /// <summary>The host's memory: the limit Docker reports for a container without one.</summary>
    public ulong HostMemory => _hostMemory.Value;

    public StatsSample Read(string containerId, int initPid)
    {
        var cgroup = _cgroups.Read(containerId);
        var host = _host.ReadCpu();
        var read = _time.GetUtcNow().UtcDateTime;
        var networks = _network.Read(initPid);
        var limit = cgroup.Memory.Limit is { } l && (HostMemory == 0 || l < HostMemory) ? l : HostMemory;
        return new StatsSample(read, cgroup, host, limit, networks);
    }
}
