using Berth.Engine.Containers;
using Berth.Engine.Networking;
using Microsoft.Extensions.Hosting;

namespace Berth.Daemon.Composition;

/// <summary>
/// Connects networking to the container service (registered before <see cref="ContainerRestore"/>, so restored
/// containers that exited are torn down) and records the predefined <c>bridge</c> network.
/// </summary>
public sealed class NetworkActivation(ContainerService containers, NetworkService networks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        containers.UseNetworking(networks);
        await networks.DefaultNetworkAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
