using Berth.Daemon.Configuration;
using Berth.Engine.Networking;
using Berth.Runtime.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Composition;

/// <summary>Registers bridge networking and connects it to the container service before live restore.</summary>
public static class NetworkServicesRegistration
{
    public static IServiceCollection AddNetworkServices(this IServiceCollection services, DaemonOptions options)
    {
        services.TryAddSingleton<ICommandRunner>(sp => new ProcessCommandRunner(sp.GetRequiredService<ILogger<ProcessCommandRunner>>()));
        services.AddSingleton(new NetworkStore(options.DataRoot));
        services.AddSingleton(options.Network);
        services.AddSingleton(sp => new BridgeDriver(sp.GetRequiredService<ICommandRunner>()));
        services.AddSingleton<NetworkService>();
        services.AddHostedService<NetworkActivation>();
        return services;
    }
}
