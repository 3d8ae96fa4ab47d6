using Berth.Engine.Containers;
using Berth.Engine.Networking;
using Microsoft.Extensions.Hosting;

namespace Berth.Daemon.Composition;

/// <summary>
/// After live restore (registered after <see cref="ContainerRestore"/>): leases, namespaces and rules of
/// containers that are not running — berthd was killed mid-way, or they died while it was away — are released;
/// running containers on user networks get their embedded DNS server back.
/// </summary>
public sealed class NetworkReconciliation(ContainerService containers, NetworkService networks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var running = containers.View.All.Where(c => c.State.IsRunning).ToList();
        await networks.ReconcileAsync(running.Select(c => c.Id).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        await networks.RestoreEmbeddedDnsAsync(running, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
