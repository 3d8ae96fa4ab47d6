namespace Berth.Engine.Stats;

/// <summary>Reads a container's resource use from its cgroup (v1 controller hierarchies or the v2 unified tree).</summary>
public interface ICgroupStatsReader
{
    /// <summary>The cgroup's counters; zeros for whatever is missing (a container that just exited).</summary>
    CgroupUsage Read(string containerId);
}
