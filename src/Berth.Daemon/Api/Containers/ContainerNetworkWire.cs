using Berth.Api;
using Berth.Engine.Containers;
using Berth.Engine.Networking;

namespace Berth.Daemon.Api.Containers;

/// <summary>A container's network state as the Engine API shows it (inspect's NetworkSettings, ps's Ports and Networks).</summary>
public static class ContainerNetworkWire
{
    public static NetworkSettings Settings(ContainerRecord record)
    {
        var state = record.Network;
        var ports = new Dictionary<string, List<PortBinding>?>(StringComparer.Ordinal);
        foreach (var key in record.Config.ExposedPorts?.Keys.ToList() ?? []) ports[key] = null;
        foreach (var port in state?.Ports ?? [])
        {
            if (!ports.TryGetValue(port.Key, out var list) || list is null) ports[port.Key] = list = [];
            list.Add(new PortBinding { HostIp = port.HostIp, HostPort = port.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        return new NetworkSettings
        {
            SandboxId = state?.OwnsSandbox == true ? record.Id : "",
            SandboxKey = state?.SandboxKey ?? "",
            Ports = ports,
            Networks = Endpoints(record),
        };
    }

    /// <summary>One entry per attached network; the configured (not yet running) network with empty addresses, as dockerd.</summary>
    public static Dictionary<string, EndpointSettings> Endpoints(ContainerRecord record)
    {
        var result = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal);
        foreach (var endpoint in record.Network?.Endpoints ?? [])
            result[endpoint.NetworkName] = ToWire(endpoint);
        var mode = record.HostConfig.NetworkMode is null or "" or "default" ? NetworkService.DefaultNetworkName : record.HostConfig.NetworkMode;
        if (result.Count == 0 && !mode.StartsWith("container:", StringComparison.Ordinal))
            result[mode] = new EndpointSettings { IpAddress = "", Gateway = "", MacAddress = "", NetworkId = "", EndpointId = "" };
        return result;
    }

    public static List<PortSummary> PortSummaries(ContainerRecord record) =>
        (record.Network?.Ports ?? []).Select(p => new PortSummary { Ip = p.HostIp, PrivatePort = p.ContainerPort, PublicPort = p.HostPort, Type = p.Protocol }).ToList();

    private static EndpointSettings ToWire(ContainerEndpoint endpoint) => new()
    {
        NetworkId = endpoint.NetworkId,
        EndpointId = endpoint.EndpointId,
        Gateway = endpoint.Gateway,
        IpAddress = endpoint.IpAddress,
        IpPrefixLen = endpoint.PrefixLength,
        MacAddress = endpoint.MacAddress,
        Aliases = endpoint.Aliases.Count > 0 ? [.. endpoint.Aliases] : null,
        DnsNames = endpoint.Aliases.Count > 0 ? [.. endpoint.Aliases] : null,
    };
}
