using Berth.Api;
using Berth.Core;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker network connect</c>: records the network (with aliases and <c>--ip</c>) in the container's
    /// endpoint configuration and, when it runs, attaches it at once.
    /// </summary>
    public async Task ConnectNetworkAsync(string idOrName, string network, EndpointSettings? settings, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            record = Get(record.Id);
            EnsureOwnNetworkNamespace(record);
            var endpoints = new Dictionary<string, EndpointSettings>(record.EndpointsConfig ?? []);
            if (endpoints.ContainsKey(network) || record.HostConfig.NetworkMode == network)
                throw new BerthException(ErrorKind.Forbidden, $"endpoint with name {record.Name} already exists in network {network}");
            endpoints[network] = settings ?? new EndpointSettings();
            var updated = record with { EndpointsConfig = endpoints };
            if (record.State.IsRunning && record.Network is { OwnsSandbox: true } state && _networking is not null)
                updated = updated with { Network = await _networking.ConnectAsync(updated, network, state, cancellationToken).ConfigureAwait(false) };
            await _store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>docker network disconnect</c> of a network other than the one the container was created on.</summary>
    public async Task DisconnectNetworkAsync(string idOrName, string network, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            record = Get(record.Id);
            if (record.HostConfig.NetworkMode == network)
                throw new BerthException(ErrorKind.Forbidden, $"container {record.Name} was created on network {network}; berth cannot disconnect it from its primary network");
            var endpoints = new Dictionary<string, EndpointSettings>(record.EndpointsConfig ?? []);
            if (!endpoints.Remove(network))
                throw new BerthException(ErrorKind.Forbidden, $"container {record.Id} is not connected to network {network}");
            var updated = record with { EndpointsConfig = endpoints };
            if (record.State.IsRunning && record.Network is { OwnsSandbox: true } state && _networking is not null)
                updated = updated with { Network = await _networking.DisconnectAsync(updated, network, state, cancellationToken).ConfigureAwait(false) };
            await _store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void EnsureOwnNetworkNamespace(ContainerRecord record)
    {
        var mode = record.HostConfig.NetworkMode ?? "";
        if (mode is "host" or "none" || mode.StartsWith("container:", StringComparison.Ordinal))
            throw new BerthException(ErrorKind.Forbidden, "container sharing network namespace with another container or host cannot be connected to any other network");
    }
}
