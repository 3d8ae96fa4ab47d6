namespace Berth.Engine.Stats;

/// <summary>Picks the reader for the host's cgroup layout at run time.</summary>
public static class CgroupStatsReaders
{
    /// <summary>
    /// cgroup v2 when <paramref name="cgroupRoot"/> is itself the unified hierarchy (it has cgroup.controllers);
    /// otherwise v1, including the hybrid layout whose v2 mount at <c>unified/</c> holds no controllers.
    /// </summary>
    public static ICgroupStatsReader Detect(string cgroupRoot = "/sys/fs/cgroup") =>
        File.Exists(Path.Combine(cgroupRoot, "cgroup.controllers"))
            ? new CgroupV2StatsReader(cgroupRoot)
            : new CgroupV1StatsReader(cgroupRoot);

    /// <summary>berth's cgroup for a container, relative to a hierarchy's root (the bundle's cgroupsPath).</summary>
    public static string ContainerPath(string containerId) => Path.Combine("berth", containerId);
}
