using System.Globalization;
using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Daemon.Hosting;
using Berth.Daemon.Platform;
using Berth.Engine.Images;
using Berth.Engine.Info;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Api.Host;

/// <summary><c>GET /info</c>: counts from the engine, facts from the host, settings from the configuration.</summary>
public static class InfoHandler
{
    public static Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var state = services.GetRequiredService<DaemonState>();
        var time = services.GetRequiredService<TimeProvider>();
        var images = services.GetRequiredService<IImageService>();
        // Until a container store is registered, the engine has no containers at all.
        var containers = services.GetService<IContainerCounter>()?.Count() ?? default;
        var host = state.Host;
        var cgroups = state.Cgroups;
        var options = state.Options;

        var info = new SystemInfo
        {
            Id = state.EngineId,
            Containers = containers.Total,
            ContainersRunning = containers.Running,
            ContainersPaused = containers.Paused,
            ContainersStopped = containers.Stopped,
            Images = images.List().Count,
            Driver = "overlay2",
            DriverStatus = [["Backing Filesystem", ProcessFacts.FilesystemType(options.DataRoot)]],
            DockerRootDir = options.DataRoot,
            Plugins = new PluginsInfo { Volume = [], Network = [], Authorization = null, Log = ["json-file"] },
            MemoryLimit = cgroups.Memory,
            SwapLimit = cgroups.Swap,
            CpuCfsPeriod = cgroups.CpuCfsPeriod,
            CpuCfsQuota = cgroups.CpuCfsQuota,
            CpuShares = cgroups.CpuShares,
            CpuSet = cgroups.CpuSet,
            PidsLimit = cgroups.Pids,
            OomKillDisable = cgroups.Memory && host.CgroupVersion == "1",
            IPv4Forwarding = ProcessFacts.Ipv4Forwarding(),
            Debug = options.LogLevel <= LogLevel.Debug,
            NFd = ProcessFacts.OpenFileDescriptors(),
            NGoroutines = ProcessFacts.Threads(),
            SystemTime = time.GetLocalNow().ToString("yyyy-MM-ddTHH:mm:ss.fffffffK", CultureInfo.InvariantCulture),
            LoggingDriver = "json-file",
            CgroupDriver = "cgroupfs",
            CgroupVersion = host.CgroupVersion,
            NEventsListener = 0,
            KernelVersion = host.KernelVersion,
            OperatingSystem = host.OperatingSystem,
            OSVersion = host.OsVersion,
            OSType = "linux",
            Architecture = host.Architecture,
            NCPU = host.CpuCount,
            MemTotal = host.MemTotal,
            IndexServerAddress = Configuration.RegistrySettings.IndexServerAddress,
            RegistryConfig = RegistryConfig(state.Registries),
            HttpProxy = Environment.GetEnvironmentVariable("HTTP_PROXY") ?? Environment.GetEnvironmentVariable("http_proxy") ?? "",
            HttpsProxy = Environment.GetEnvironmentVariable("HTTPS_PROXY") ?? Environment.GetEnvironmentVariable("https_proxy") ?? "",
            NoProxy = Environment.GetEnvironmentVariable("NO_PROXY") ?? Environment.GetEnvironmentVariable("no_proxy") ?? "",
            Name = host.Hostname,
            Labels = [],
            ExperimentalBuild = false,
            ServerVersion = BerthVersion.Version,
            Runtimes = new Dictionary<string, RuntimeInfo> { ["runc"] = new RuntimeInfo { Path = "runc" } },
            DefaultRuntime = "runc",
            // Containers run under their own shims and survive a daemon restart.
            LiveRestoreEnabled = true,
            Isolation = "",
            SecurityOptions = [],
            Warnings = Warnings(state),
        };
        return JsonResponse.WriteAsync(context, info, BerthApiJsonContext.Default.SystemInfo);
    }

    private static RegistryServiceConfig RegistryConfig(Configuration.RegistrySettings registries)
    {
        var indexes = new Dictionary<string, IndexInfo>(StringComparer.Ordinal)
        {
            [Configuration.RegistrySettings.OfficialIndexName] = new IndexInfo
            {
                Name = Configuration.RegistrySettings.OfficialIndexName,
                Mirrors = [.. registries.Mirrors],
                Secure = true,
                Official = true,
            },
        };
        foreach (var host in registries.InsecureHosts)
            indexes[host] = new IndexInfo { Name = host, Mirrors = [], Secure = false, Official = false };
        foreach (var (registry, mirrors) in registries.MirrorsByRegistry)
        {
            if (registry == Configuration.RegistrySettings.OfficialIndexName) continue;
            indexes[registry] = new IndexInfo
            {
                Name = registry,
                Mirrors = [.. mirrors],
                Secure = !registries.InsecureHosts.Contains(registry),
                Official = false,
            };
        }
        return new RegistryServiceConfig
        {
            InsecureRegistryCidrs = [.. registries.InsecureCidrs],
            IndexConfigs = indexes,
            Mirrors = [.. registries.Mirrors],
        };
    }

    private static List<string> Warnings(DaemonState state)
    {
        var warnings = new List<string>();
        foreach (var tcp in state.Options.Hosts.Where(h => !h.IsUnix))
            warnings.Add($"WARNING: API is accessible on http://{tcp.TcpEndPoint} without encryption.");
        if (!state.Cgroups.Memory) warnings.Add("WARNING: No memory limit support");
        if (!state.Cgroups.Swap) warnings.Add("WARNING: No swap limit support");
        if (!state.Cgroups.CpuCfsQuota) warnings.Add("WARNING: No cpu cfs quota support");
        if (!state.Cgroups.CpuShares) warnings.Add("WARNING: No cpu shares support");
        if (!state.Cgroups.Pids) warnings.Add("WARNING: No pids limit support");
        if (!ProcessFacts.Ipv4Forwarding()) warnings.Add("WARNING: IPv4 forwarding is disabled");
        return warnings;
    }
}
