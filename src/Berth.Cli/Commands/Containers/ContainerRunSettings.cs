namespace Berth.Cli.Commands.Containers;

/// <summary>The values of the create/run flags, independent of the command-line parser.</summary>
public sealed record ContainerRunSettings
{
    public string? Name { get; init; }

    public IReadOnlyList<string> Env { get; init; } = [];

    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    public string? Workdir { get; init; }

    public string? User { get; init; }

    public string? Entrypoint { get; init; }

    public bool EntrypointSet { get; init; }

    public string? Hostname { get; init; }

    public string? Domainname { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<string> LabelFiles { get; init; } = [];

    public bool Privileged { get; init; }

    public string? Memory { get; init; }

    public string? MemorySwap { get; init; }

    public string? MemoryReservation { get; init; }

    public string? Cpus { get; init; }

    public long? CpuShares { get; init; }

    public string? CpusetCpus { get; init; }

    public long? PidsLimit { get; init; }

    public bool ReadOnly { get; init; }

    public IReadOnlyList<string> CapAdd { get; init; } = [];

    public IReadOnlyList<string> CapDrop { get; init; } = [];

    public bool Interactive { get; init; }

    public bool Tty { get; init; }

    public IReadOnlyList<string> Publish { get; init; } = [];

    public bool PublishAll { get; init; }

    public IReadOnlyList<string> Expose { get; init; } = [];

    public IReadOnlyList<string> Volumes { get; init; } = [];

    public string? Network { get; init; }

    public bool AutoRemove { get; init; }

    public string? Restart { get; init; }

    public bool Init { get; init; }

    public string? StopSignal { get; init; }

    public int? StopTimeout { get; init; }

    public string? Platform { get; init; }

    public IReadOnlyList<string> Dns { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];
    public string? Ip { get; init; }

    public IReadOnlyList<string> AddHost { get; init; } = [];

    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary><c>--mount</c> specifications (<c>type=bind,source=/a,target=/b,readonly</c>).</summary>
    public IReadOnlyList<string> Mounts { get; init; } = [];

    public IReadOnlyList<string> VolumesFrom { get; init; } = [];

    public IReadOnlyList<string> Ulimits { get; init; } = [];

    public string? ShmSize { get; init; }

    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    public IReadOnlyList<string> Sysctls { get; init; } = [];

    public string? LogDriver { get; init; }

    public IReadOnlyList<string> LogOpts { get; init; } = [];

    public string? PidMode { get; init; }

    public string? IpcMode { get; init; }

    public string? UtsMode { get; init; }

    public string? Runtime { get; init; }

    public string Image { get; init; } = "";

    public IReadOnlyList<string> Command { get; init; } = [];

    public bool Detach { get; init; }

    public HealthcheckFlagValues Health { get; init; } = new();
}
