using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Configuration;

/// <summary>
/// Everything berthd is configured with, after merging flags over daemon.json over defaults. Several daemons
/// run side by side when their roots, pidfiles and sockets differ.
/// </summary>
public sealed record DaemonOptions
{
    public const string DefaultDataRoot = "/var/lib/berth";
    public const string DefaultExecRoot = "/run/berth";
    public const string DefaultConfigFile = "/etc/berth/daemon.json";
    public const string SocketFileName = "berth.sock";
    public const string PidFileName = "berthd.pid";

    public required IReadOnlyList<HostAddress> Hosts { get; init; }

    /// <summary>Persistent state: images, containers, volumes, the engine ID.</summary>
    public required string DataRoot { get; init; }

    /// <summary>Runtime state that a reboot may forget: shim sockets, bundles, the pidfile.</summary>
    public required string ExecRoot { get; init; }

    public required string PidFile { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public IReadOnlyList<string> RegistryMirrors { get; init; } = [];

    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Mirrors per registry domain (daemon.json <c>registry-mirrors</c> as a map).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RegistryMirrorsByRegistry { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int MaxConcurrentDownloads { get; init; } = 3;

    public int MaxConcurrentUploads { get; init; } = 5;

    /// <summary>Default bridge and address pools (<c>--bridge</c>, <c>--bip</c>, daemon.json <c>default-address-pools</c>).</summary>
    public Berth.Engine.Networking.NetworkOptions Network { get; init; } = new();

    /// <summary>The daemon.json this configuration came from, when one was read.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Options for a daemon whose state lives under the given roots, listening on one unix socket.</summary>
    public static DaemonOptions ForRoots(string dataRoot, string execRoot, string socketPath) => new()
    {
        Hosts = [HostAddress.Unix(socketPath)],
        DataRoot = Path.GetFullPath(dataRoot),
        ExecRoot = Path.GetFullPath(execRoot),
        PidFile = Path.Combine(Path.GetFullPath(execRoot), PidFileName),
    };
}
