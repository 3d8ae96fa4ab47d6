using Berth.Daemon.Configuration;
using Berth.Engine.Containers;
using Berth.Engine.Exec;
using Berth.Engine.Images;
using Berth.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Composition;

/// <summary>Registers the container subsystem: store, runtime (shims), rootfs mounting, bundles, the service.</summary>
public static class ContainerServicesRegistration
{
    public static IServiceCollection AddContainerServices(this IServiceCollection services, DaemonOptions options)
    {
        services.AddSingleton(new ContainerPaths(options.DataRoot, options.ExecRoot));
        services.AddSingleton<IContainerStore>(sp =>
            FileContainerStore.Open(sp.GetRequiredService<ContainerPaths>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<FileContainerStore>()));
        services.AddSingleton<IImageUsage, ContainerImageUsage>();
        services.AddSingleton<IImageService>(sp => new ImageService(
            options.DataRoot, sp.GetRequiredService<IImageUsage>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ImageService>>(), sp.GetRequiredService<Berth.Engine.Events.IEventPublisher>()));
        services.AddSingleton<IContainerRuntime>(sp => new ShimContainerRuntime(
            new ShimRuntimeOptions(sp.GetRequiredService<ContainerPaths>().RuncRoot),
            logger: sp.GetRequiredService<ILogger<ShimContainerRuntime>>()));
        services.AddSingleton(new Berth.Engine.Volumes.VolumeStore(options.DataRoot));
        services.AddSingleton<Berth.Engine.Volumes.IVolumeUsage, ContainerVolumeUsage>();
        services.AddSingleton(sp => new Berth.Engine.Volumes.VolumeService(sp.GetRequiredService<Berth.Engine.Volumes.VolumeStore>(),
            sp.GetRequiredService<Berth.Engine.Volumes.IVolumeUsage>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Berth.Engine.Events.IEventPublisher>()));
        services.AddSingleton<ContainerMountPlanner>();
        services.AddSingleton<ContainerRootfs>();
        services.AddSingleton<ContainerBundleWriter>();
        services.AddSingleton<ContainerService>();
        services.AddSingleton<Berth.Engine.DiskUsage.DiskUsageSizes>();
        services.AddSingleton(sp => new Berth.Engine.Stats.ContainerStatsService(
            sp.GetRequiredService<ContainerService>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ExecService>();
        services.AddSingleton<ICapturedExec>(sp => sp.GetRequiredService<ExecService>());
        HealthChecksActivation.Register(services); // before restore: restored containers are probed
        services.AddHostedService<ContainerRestore>();
        services.AddSingleton<Berth.Engine.Info.IContainerCounter, ContainerCounter>();
        return services;
    }
}
