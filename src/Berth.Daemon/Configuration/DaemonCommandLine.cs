using System.CommandLine;
using Berth.Core;

namespace Berth.Daemon.Configuration;

/// <summary>
/// berthd's flags, named like dockerd's. <see cref="ToOptions"/> merges them over daemon.json and the defaults:
/// a flag given on the command line wins over the file.
/// </summary>
public sealed class DaemonCommandLine
{
    public Option<string[]> Hosts { get; } = new("--host", "-H")
    {
        Description = "Daemon socket(s) to listen on: unix:///path or tcp://ip:port (repeatable)",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> DataRoot { get; } = new("--data-root")
    {
        Description = $"Root directory of persistent state (default {DaemonOptions.DefaultDataRoot})",
    };

    public Option<string?> ExecRoot { get; } = new("--exec-root")
    {
        Description = $"Root directory of runtime state (default {DaemonOptions.DefaultExecRoot})",
    };

    public Option<string?> PidFile { get; } = new("--pidfile", "-p")
    {
        Description = "Path to the daemon's PID file (default <exec-root>/berthd.pid)",
    };

    public Option<string?> ConfigFile { get; } = new("--config-file")
    {
        Description = $"Daemon configuration file (default {DaemonOptions.DefaultConfigFile})",
    };

    public Option<string?> LogLevel { get; } = new("--log-level", "-l")
    {
        Description = "Logging level: debug, info, warn, error, fatal (default info)",
    };

    public Option<string?> Bridge { get; } = new("--bridge", "-b")
    {
        Description = "Interface of the default bridge network (default berth0)",
    };

    public Option<string?> Bip { get; } = new("--bip")
    {
        Description = "Gateway address and prefix of the default bridge (default 172.30.0.1/16)",
    };

    public RootCommand Command { get; }

    public DaemonCommandLine()
    {
        Command = new RootCommand("berthd: a Docker Engine API compatible container daemon")
        {
            Hosts, DataRoot, ExecRoot, PidFile, ConfigFile, LogLevel, Bridge, Bip,
        };
    }

    /// <summary>Builds the daemon's options from parsed flags, daemon.json and defaults.</summary>
    public DaemonOptions ToOptions(ParseResult result)
    {
        var explicitConfig = result.GetValue(ConfigFile);
        var configPath = Path.GetFullPath(explicitConfig ?? DaemonOptions.DefaultConfigFile);
        var file = DaemonConfigFile.Load(configPath, required: explicitConfig is not null);

        var execRoot = Absolute(result.GetValue(ExecRoot) ?? file.ExecRoot ?? DaemonOptions.DefaultExecRoot, "exec-root");
        var dataRoot = Absolute(result.GetValue(DataRoot) ?? file.DataRoot ?? DaemonOptions.DefaultDataRoot, "data-root");
        var pidFile = Absolute(result.GetValue(PidFile) ?? file.PidFile ?? Path.Combine(execRoot, DaemonOptions.PidFileName), "pidfile");
        var flagHosts = result.GetValue(Hosts);
        var hostTexts = flagHosts is { Length: > 0 } ? flagHosts : file.Hosts is { Count: > 0 } ? [.. file.Hosts] : ["unix://"];
        var defaultSocket = Path.Combine(DaemonOptions.DefaultExecRoot, DaemonOptions.SocketFileName);
        var hosts = hostTexts.Select(h => HostAddress.Parse(h, defaultSocket)).Distinct().ToList();
        var logLevel = result.GetValue(LogLevel) ?? file.LogLevel;

        return new DaemonOptions
        {
            Hosts = hosts,
            DataRoot = dataRoot,
            ExecRoot = execRoot,
            PidFile = pidFile,
            LogLevel = logLevel is null ? Microsoft.Extensions.Logging.LogLevel.Information : LogLevelNames.Parse(logLevel),
            RegistryMirrors = file.RegistryMirrors ?? [],
            InsecureRegistries = file.InsecureRegistries ?? [],
            RegistryMirrorsByRegistry = file.RegistryMirrorsByRegistry ?? new Dictionary<string, IReadOnlyList<string>>(),
            MaxConcurrentDownloads = file.MaxConcurrentDownloads ?? 3,
            MaxConcurrentUploads = file.MaxConcurrentUploads ?? 5,
            ConfigFile = File.Exists(configPath) ? configPath : null,
            Network = NetworkOptionsFrom(result, file),
        };
    }

    private Berth.Engine.Networking.NetworkOptions NetworkOptionsFrom(ParseResult result, DaemonConfigFile file)
    {
        var defaults = new Berth.Engine.Networking.NetworkOptions();
        var bip = result.GetValue(Bip) ?? file.Bip ?? defaults.BridgeIp;
        _ = Berth.Engine.Networking.Ipv4Subnet.Parse(bip);
        var bridge = result.GetValue(Bridge) ?? file.Bridge ?? defaults.BridgeName;
        if (bridge.Length is 0 or > 15 || bridge.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            throw BerthException.Invalid($"invalid bridge name: {bridge}");
        return defaults with { BridgeName = bridge, BridgeIp = bip, AddressPools = file.DefaultAddressPools ?? defaults.AddressPools };
    }

    private static string Absolute(string path, string name)
    {
        if (path.Length == 0) throw BerthException.Invalid($"{name} must not be empty");
        return Path.GetFullPath(path);
    }
}
