using System.Globalization;
using Berth.Api;
using Berth.Cli.Parsing;

namespace Berth.Cli.Commands.Containers;

/// <summary>Maps create/run flag values to the <c>POST /containers/create</c> body, the way docker's CLI fills it.</summary>
public static class ContainerRequestBuilder
{
    /// <param name="environment">Looks up host variables for <c>-e NAME</c> without a value.</param>
    /// <param name="readAllLines">Reads <c>--env-file</c> and <c>--label-file</c>.</param>
    /// <exception cref="CliUsageException">A flag value is malformed.</exception>
    public static ContainerCreateRequest Build(ContainerRunSettings settings, Func<string, string?> environment, Func<string, string[]> readAllLines)
    {
        var exposed = new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
        var bindings = new Dictionary<string, List<PortBinding>?>(StringComparer.Ordinal);
        foreach (var publish in settings.Publish)
        {
            PortSpec.AddPublished(publish, exposed, bindings);
        }
        foreach (var expose in settings.Expose)
        {
            PortSpec.AddExposed(expose, exposed);
        }

        var binds = new List<string>();
        var volumes = new Dictionary<string, EmptyObject>(StringComparer.Ordinal);
        foreach (var volume in settings.Volumes)
        {
            if (volume.Contains(':', StringComparison.Ordinal))
            {
                binds.Add(volume);
            }
            else
            {
                volumes[volume] = EmptyObject.Instance;
            }
        }

        var hostConfig = new HostConfig
        {
            Binds = binds.Count > 0 ? binds : null,
            NetworkMode = string.IsNullOrEmpty(settings.Network) ? "default" : settings.Network,
            PortBindings = bindings,
            RestartPolicy = ParseRestart(settings.Restart),
            AutoRemove = settings.AutoRemove,
            LogConfig = new LogConfig { Type = settings.LogDriver ?? "", Config = KeyValues(settings.LogOpts, "--log-opt") },
            CapAdd = settings.CapAdd.Count > 0 ? [.. settings.CapAdd] : null,
            CapDrop = settings.CapDrop.Count > 0 ? [.. settings.CapDrop] : null,
            Dns = settings.Dns.Count > 0 ? [.. settings.Dns] : null,
            DnsSearch = settings.DnsSearch.Count > 0 ? [.. settings.DnsSearch] : null,
            DnsOptions = settings.DnsOptions.Count > 0 ? [.. settings.DnsOptions] : null,
            ExtraHosts = settings.AddHost.Count > 0 ? settings.AddHost.Select(NormalizeHost).ToList() : null,
            Privileged = settings.Privileged,
            PublishAllPorts = settings.PublishAll,
            ReadonlyRootfs = settings.ReadOnly,
            SecurityOpt = settings.SecurityOpt.Count > 0 ? [.. settings.SecurityOpt] : null,
            Tmpfs = settings.Tmpfs.Count > 0 ? settings.Tmpfs.ToDictionary(TmpfsPath, TmpfsOptions, StringComparer.Ordinal) : null,
            Sysctls = settings.Sysctls.Count > 0 ? KeyValues(settings.Sysctls, "--sysctl") : null,
            ShmSize = settings.ShmSize is null ? 0 : Size(settings.ShmSize, "--shm-size"),
            PidMode = settings.PidMode,
            IpcMode = settings.IpcMode,
            UtsMode = settings.UtsMode,
            Runtime = settings.Runtime,
            Memory = settings.Memory is null ? 0 : Size(settings.Memory, "--memory"),
            MemorySwap = settings.MemorySwap switch { null => 0, "-1" => -1, var s => Size(s, "--memory-swap") },
            MemoryReservation = settings.MemoryReservation is null ? 0 : Size(settings.MemoryReservation, "--memory-reservation"),
            NanoCpus = settings.Cpus is null ? 0 : NanoCpus(settings.Cpus),
            CpuShares = settings.CpuShares ?? 0,
            CpusetCpus = settings.CpusetCpus,
            PidsLimit = settings.PidsLimit,
            Ulimits = settings.Ulimits.Count > 0 ? settings.Ulimits.Select(ParseUlimit).ToList() : null,
            Init = settings.Init ? true : null,
            Mounts = settings.Mounts.Count > 0 ? settings.Mounts.Select(MountSpec.Parse).ToList() : null,
            VolumesFrom = settings.VolumesFrom.Count > 0 ? [.. settings.VolumesFrom] : null,
        };

        var attach = !settings.Detach;
        return new ContainerCreateRequest
        {
            Hostname = settings.Hostname ?? "",
            Domainname = settings.Domainname ?? "",
            User = settings.User ?? "",
            AttachStdin = attach && settings.Interactive,
            AttachStdout = attach,
            AttachStderr = attach,
            ExposedPorts = exposed.Count > 0 ? exposed : null,
            Tty = settings.Tty,
            OpenStdin = settings.Interactive,
            StdinOnce = attach && settings.Interactive,
            Env = ReadEnvironment(settings, environment, readAllLines),
            Cmd = settings.Command.Count > 0 ? [.. settings.Command] : null,
            Image = settings.Image,
            Volumes = volumes.Count > 0 ? volumes : null,
            WorkingDir = settings.Workdir ?? "",
            Entrypoint = settings.Entrypoint is { Length: > 0 } entrypoint ? [entrypoint] : settings.EntrypointSet ? [""] : null,
            Labels = ReadLabels(settings, readAllLines),
            Healthcheck = settings.Health.ToHealthConfig(),
            StopSignal = settings.StopSignal,
            StopTimeout = settings.StopTimeout,
            HostConfig = hostConfig,
            NetworkingConfig = new NetworkingConfig { EndpointsConfig = EndpointsConfig(settings) },
        };
    }

    /// <summary><c>--network-alias</c> and <c>--ip</c> apply to the network named by <c>--network</c> (as the docker CLI sends them).</summary>
    private static Dictionary<string, EndpointSettings> EndpointsConfig(ContainerRunSettings settings)
    {
        if (string.IsNullOrEmpty(settings.Network) || (settings.NetworkAliases.Count == 0 && settings.Ip is null)) return [];
        return new Dictionary<string, EndpointSettings>(StringComparer.Ordinal)
        {
            [settings.Network] = new EndpointSettings
            {
                Aliases = settings.NetworkAliases.Count > 0 ? [.. settings.NetworkAliases] : null,
                IpamConfig = settings.Ip is null ? null : new EndpointIpamConfig { IPv4Address = settings.Ip },
            },
        };
    }

    /// <summary>Env files first, then <c>-e</c> (later wins in the daemon); <c>NAME</c> alone takes the host's value.</summary>
    private static List<string> ReadEnvironment(ContainerRunSettings settings, Func<string, string?> environment, Func<string, string[]> readAllLines)
    {
        var result = new List<string>();
        foreach (var file in settings.EnvFiles)
        {
            result.AddRange(ReadLinesFile(file, readAllLines).Select(l => WithHostValue(l, environment)));
        }
        result.AddRange(settings.Env.Select(e => WithHostValue(e, environment)));
        return result;
    }

    private static string WithHostValue(string variable, Func<string, string?> environment)
    {
        if (variable.Contains('=', StringComparison.Ordinal))
        {
            if (variable.StartsWith('='))
            {
                throw new CliUsageException($"invalid environment variable: {variable}");
            }
            return variable;
        }
        return environment(variable) is { } value ? $"{variable}={value}" : variable;
    }

    private static Dictionary<string, string> ReadLabels(ContainerRunSettings settings, Func<string, string[]> readAllLines)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in settings.LabelFiles.SelectMany(f => ReadLinesFile(f, readAllLines)).Concat(settings.Labels))
        {
            var equals = label.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0)
            {
                throw new CliUsageException($"invalid label: {label}");
            }
            labels[equals < 0 ? label : label[..equals]] = equals < 0 ? "" : label[(equals + 1)..];
        }
        settings.Health.AddOnFailureLabel(labels);
        return labels;
    }

    /// <summary>Non-empty, non-comment lines of an env or label file.</summary>
    private static IEnumerable<string> ReadLinesFile(string path, Func<string, string[]> readAllLines)
    {
        string[] lines;
        try
        {
            lines = readAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"open {path}: {e.Message}", e);
        }
        return lines.Select(l => l.TrimStart()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.TrimEnd('\r'));
    }

    private static Dictionary<string, string> KeyValues(IEnumerable<string> values, string flag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliUsageException($"invalid argument \"{value}\" for \"{flag}\" flag: expected key=value");
            }
            result[value[..equals]] = value[(equals + 1)..];
        }
        return result;
    }

    internal static RestartPolicy ParseRestart(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new RestartPolicy { Name = "no" };
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        if (name is not ("no" or "always" or "unless-stopped" or "on-failure"))
        {
            throw new CliUsageException($"invalid restart policy '{value}'");
        }
        var retries = 0;
        if (colon >= 0 && (name != "on-failure" || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out retries)))
        {
            throw new CliUsageException($"invalid restart policy format: {value}");
        }
        return new RestartPolicy { Name = name, MaximumRetryCount = retries };
    }

    private static Ulimit ParseUlimit(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliUsageException($"invalid ulimit argument: {value}");
        }
        var limits = value[(equals + 1)..].Split(':');
        if (limits.Length > 2
            || !long.TryParse(limits[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var soft))
        {
            throw new CliUsageException($"invalid ulimit argument: {value}");
        }
        var hard = soft;
        if (limits.Length == 2 && !long.TryParse(limits[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out hard))
        {
            throw new CliUsageException($"invalid ulimit argument: {value}");
        }
        return new Ulimit { Name = value[..equals], Soft = soft, Hard = hard };
    }

    private static string TmpfsPath(string value) => value.Split(':', 2)[0];

    private static string TmpfsOptions(string value) => value.Split(':', 2) is [_, var options] ? options : "";

    private static string NormalizeHost(string value)
    {
        // docker 28 accepts host=ip as well as host:ip and sends host:ip.
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? value[..equals] + ":" + value[(equals + 1)..] : value;
    }

    internal static long Size(string value, string flag)
    {
        try
        {
            return ByteSize.Parse(value);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"invalid argument \"{value}\" for \"{flag}\" flag: {e.Message}", e);
        }
    }

    /// <summary><c>--cpus 1.5</c> → 1500000000 nano-CPUs (exact decimal arithmetic).</summary>
    public static long NanoCpus(string value)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cpus))
        {
            throw new CliUsageException($"invalid argument \"{value}\" for \"--cpus\" flag: failed to parse {value} as a rational number");
        }
        var nano = cpus * 1_000_000_000m;
        if (nano != decimal.Truncate(nano))
        {
            throw new CliUsageException("value is too precise");
        }
        return (long)nano;
    }
}
