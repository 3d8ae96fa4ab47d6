using Berth.Daemon.Composition;
using Berth.Daemon.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Berth.Daemon.Hosting;

/// <summary>
/// Registers the engine's services (image service, container store, runtime, …) for the API handlers.
/// Each subsystem adds its registrations here; handlers resolve the narrow interfaces they need.
/// Registrations made by <c>configureServices</c> (tests) come later and win.
/// </summary>
public static class EngineServices
{
    public static IServiceCollection AddBerthEngine(this IServiceCollection services, DaemonOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddEventServices(options);
        services.AddNetworkServices(options); // before containers: networking is connected before live restore
        services.AddContainerServices(options);
        services.AddHostedService<Berth.Daemon.Composition.NetworkReconciliation>();
        services.AddArchiveServices();
        services.AddBuildServices(options);
        services.AddDistributionServices();
        return services;
    }
}
