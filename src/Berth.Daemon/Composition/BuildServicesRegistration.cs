using Berth.Daemon.Configuration;
using Berth.Engine.Build;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Composition;

/// <summary>Registers the Dockerfile builder and its persistent cache.</summary>
public static class BuildServicesRegistration
{
    public static IServiceCollection AddBuildServices(this IServiceCollection services, DaemonOptions options)
    {
        services.AddSingleton(new BuildCache(options.DataRoot));
        services.AddSingleton<ImageBuilder>();
        return services;
    }
}
