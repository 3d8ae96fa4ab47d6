using Berth.Engine.Containers;
using Berth.Engine.Networking;
using Microsoft.Extensions.Hosting;

namespace Berth.Daemon.Composition;

/// <summary>
/// After live restore (registered after <see cref="ContainerRestore"/>): leases, namespaces and rules of
/// containers that are not running — berthd was killed mid-way, or they died while it was away — are released.
/// </summary>
public sealed class NetworkReconciliation(ContainerService containers, NetworkService networks) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        networks.ReconcileAsync(containers.View.All.Where(c => c.State.IsRunning).Select(c => c.Id).ToHashSet(StringComparer.Ordinal), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
