using System.Globalization;
using Berth.Api;
using Berth.Engine.Containers;
using Berth.Engine.Networking;

namespace Berth.Daemon.Api.Networks;

/// <summary>Network records → the Engine API's <see cref="Network"/>.</summary>
public static class NetworkWire
{
    public static Network ToWire(NetworkRecord network, ContainerService containers) => new()
    {
        Name = network.Name,
        Id = network.Id,
        Created = network.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        Scope = "local",
        Driver = network.Driver,
        EnableIPv4 = true,
        Ipam = new Ipam { Driver = "default", Config = [new IpamConfig { Subnet = network.Subnet, Gateway = network.Gateway }], Options = [] },
        Internal = network.Internal,
        Options = network.IsDefault
            ? new Dictionary<string, string> { ["com.docker.network.bridge.name"] = network.Bridge, ["com.docker.network.bridge.default_bridge"] = "true" }
            : new Dictionary<string, string> { ["com.docker.network.bridge.name"] = network.Bridge },
        Labels = new Dictionary<string, string>(network.Labels),
        Containers = network.Leases.ToDictionary(l => l.Value.ContainerId, l => ToWire(l.Key, l.Value, network, containers)),
    };

    private static NetworkContainer ToWire(string ip, IpLease lease, NetworkRecord network, ContainerService containers)
    {
        var endpoint = containers.View.Find(lease.ContainerId)?.Network?.Endpoints.FirstOrDefault(e => e.NetworkId == network.Id);
        return new NetworkContainer
        {
            Name = lease.ContainerName,
            EndpointId = endpoint?.EndpointId ?? "",
            MacAddress = endpoint?.MacAddress ?? "",
            IPv4Address = $"{ip}/{Ipv4Subnet.Parse(network.Subnet).PrefixLength}",
            IPv6Address = "",
        };
    }
}
