using Berth.Runtime.Spec;

namespace Berth.Engine.Specs;

/// <summary>
/// Plain input for <see cref="RuntimeSpecBuilder"/>: the container's final process and host settings, already
/// merged from the image config and the create request (the daemon does that merge).
/// </summary>
public sealed record RuntimeSpecInput
{
    /// <summary>Host path of the mounted root filesystem (runtime-spec root.path).</summary>
    public required string RootfsPath { get; init; }
    public required IReadOnlyList<string> Args { get; init; }
    /// <summary>KEY=VALUE entries; PATH, HOSTNAME and (with a tty) TERM are added when missing.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];
    public string Cwd { get; init; } = "/";
    /// <summary>"", "root", "1000", "1000:1000", "name" or "name:group", resolved in the rootfs's /etc/passwd and /etc/group.</summary>
    public string User { get; init; } = "";
    public string Hostname { get; init; } = "";
    public bool Tty { get; init; }
    public bool OpenStdin { get; init; }
    public bool Privileged { get; init; }
    public bool ReadonlyRootfs { get; init; }
    /// <summary>Memory limit in bytes; 0 for none.</summary>
    public long MemoryBytes { get; init; }
    /// <summary>Memory plus swap in bytes: 0 means twice the memory limit (Docker's default), -1 unlimited.</summary>
    public long MemorySwapBytes { get; init; }
    /// <summary>CPU quota in units of 1e-9 CPUs (Docker's --cpus); 0 for none.</summary>
    public long NanoCpus { get; init; }
    public long CpuShares { get; init; }
    /// <summary>CFS period and quota in microseconds (Docker's --cpu-period/--cpu-quota); 0 for none. --cpus wins.</summary>
    public long CpuPeriod { get; init; }
    public long CpuQuota { get; init; }
    /// <summary>CPUs and memory nodes allowed (cpuset, e.g. "0-1"); empty for all.</summary>
    public string CpusetCpus { get; init; } = "";
    public string CpusetMems { get; init; } = "";
    /// <summary>Maximum number of processes; 0 or less for no limit.</summary>
    public long PidsLimit { get; init; }
    /// <summary>Capability names with or without CAP_, or ALL.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];
    public IReadOnlyList<string> CapDrop { get; init; } = [];
    /// <summary>cgroup path for runc, e.g. "/berth/&lt;id&gt;".</summary>
    public string CgroupsPath { get; init; } = "";
    /// <summary>Network namespace to join (a path such as /var/run/netns/x); null creates a new one.</summary>
    public string? NetworkNamespacePath { get; init; }
    /// <summary>Share the host's network namespace (no network namespace entry at all).</summary>
    public bool HostNetwork { get; init; }
    /// <summary>Extra mounts (binds, volumes, /etc/hosts …) appended after the default ones.</summary>
    public IReadOnlyList<Mount> Mounts { get; init; } = [];
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
