using Berth.Daemon.Hosting;
using Berth.Engine.Distribution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Berth.Daemon.Composition;

/// <summary>Registers the registry client and the pull and push workflows, configured from daemon.json.</summary>
public static class DistributionServicesRegistration
{
    public static IServiceCollection AddDistributionServices(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<DaemonState>().Registries.ToConfiguration());
        services.TryAddSingleton<IRegistryClient>(sp => new RegistryClient(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RegistryEndpoints>();
        services.TryAddSingleton<PullService>();
        services.TryAddSingleton<PushService>();
        services.TryAddSingleton(sp => new UrlImporter(sp.GetRequiredService<Berth.Engine.Images.IImageService>()));
        return services;
    }
}
