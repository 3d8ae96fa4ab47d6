using Berth.Core;
using Berth.Engine.Containers;

namespace Berth.Engine.Networking;

public sealed partial class NetworkService
{
    public async Task<ContainerNetworkState> ConnectAsync(ContainerRecord record, string network, ContainerNetworkState state, CancellationToken cancellationToken)
    {
        var target = Get(network);
        if (state.Endpoints.Any(e => e.NetworkId == target.Id))
            throw new BerthException(ErrorKind.Forbidden, $"endpoint with name {record.Name} already exists in network {target.Name}");
        var index = state.Endpoints.Select(e => int.Parse(e.Interface.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        var endpoint = await AttachAsync(record, target, index, state.SandboxKey, cancellationToken).ConfigureAwait(false);
        var updated = state with { Endpoints = [.. state.Endpoints, endpoint] };
        await ContainerHostsFiles.UpdateOwnAddressAsync(_paths.HostsFile(record.Id), record, endpoint.IpAddress, present: true, cancellationToken).ConfigureAwait(false);
        await StartEmbeddedDnsAsync(record, updated, rewriteResolvConf: true, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<ContainerNetworkState> DisconnectAsync(ContainerRecord record, string network, ContainerNetworkState state, CancellationToken cancellationToken)
    {
        var target = Get(network);
        var endpoint = state.Endpoints.FirstOrDefault(e => e.NetworkId == target.Id)
            ?? throw new BerthException(ErrorKind.Forbidden, $"container {record.Id} is not connected to network {target.Name}");
        await _driver.DetachAsync(endpoint, cancellationToken).ConfigureAwait(false);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Get(target.Id);
            var left = current with { Leases = current.Leases.Where(l => l.Key != endpoint.IpAddress).ToDictionary() };
            await _store.SaveAsync(left, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
        var updated = state with { Endpoints = state.Endpoints.Where(e => e != endpoint).ToList() };
        await ContainerHostsFiles.UpdateOwnAddressAsync(_paths.HostsFile(record.Id), record, endpoint.IpAddress, present: false, cancellationToken).ConfigureAwait(false);
        await StopEmbeddedDnsIfLastUserNetworkLeftAsync(record, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }
}
