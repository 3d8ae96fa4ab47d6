using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Berth.Core;
using Berth.Engine.Containers;

namespace Berth.Engine.Networking;

public sealed partial class NetworkService
{
    private const int EphemeralLow = 49153;
    private const int EphemeralHigh = 65535;
    /// <summary>Host ports held by berth's own containers: (protocol, host IP, port) → container.</summary>
    private readonly ConcurrentDictionary<(string, string, int), string> _heldPorts = new();

    /// <summary>
    /// Resolves <c>PortBindings</c> (and, with <c>-P</c>, every exposed port) to concrete host ports, checks that
    /// each is free (held by no other container and bindable on the host), then installs the DNAT rules.
    /// </summary>
    private async Task<IReadOnlyList<PublishedPort>> PublishAsync(ContainerRecord record, ContainerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var requests = PortRequests(record);
        if (requests.Count == 0) return [];
        var ports = new List<PublishedPort>();
        try
        {
            foreach (var (protocol, containerPort, hostIp, hostPort) in requests)
                ports.Add(Reserve(record.Id, protocol, containerPort, hostIp, hostPort));
        }
        catch
        {
            ReleasePorts(record.Id);
            throw;
        }
        await _driver.PublishAsync(record.Id, endpoint.IpAddress, ports, cancellationToken).ConfigureAwait(false);
        return ports;
    }

    /// <summary>(protocol, container port, host IP, host port range "" / "8080" / "8000-8010").</summary>
    private static List<(string, int, string, string)> PortRequests(ContainerRecord record)
    {
        var requests = new List<(string, int, string, string)>();
        foreach (var (key, bindings) in record.HostConfig.PortBindings ?? [])
        {
            var (port, protocol) = ParsePortKey(key);
            foreach (var binding in bindings is { Count: > 0 } ? bindings : [new Berth.Api.PortBinding()])
                requests.Add((protocol, port, string.IsNullOrEmpty(binding.HostIp) ? "0.0.0.0" : binding.HostIp, binding.HostPort ?? ""));
        }
        if (record.HostConfig.PublishAllPorts)
            foreach (var key in record.Config.ExposedPorts?.Keys.ToList() ?? [])
            {
                var (port, protocol) = ParsePortKey(key);
                if (!requests.Any(r => r.Item1 == protocol && r.Item2 == port)) requests.Add((protocol, port, "0.0.0.0", ""));
            }
        return requests;
    }

    public static (int Port, string Protocol) ParsePortKey(string key)
    {
        var slash = key.IndexOf('/');
        var protocol = slash < 0 ? "tcp" : key[(slash + 1)..].ToLowerInvariant();
        if (protocol is not ("tcp" or "udp") || !int.TryParse(slash < 0 ? key : key[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw BerthException.Invalid($"invalid port specification: \"{key}\"");
        return (port, protocol);
    }

    private PublishedPort Reserve(string containerId, string protocol, int containerPort, string hostIp, string hostPort)
    {
        if (!IPAddress.TryParse(hostIp, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
            throw BerthException.Invalid($"invalid host IP for a published port: {hostIp}");
        int low, high;
        var random = string.IsNullOrEmpty(hostPort);
        if (random) (low, high) = (EphemeralLow, EphemeralHigh);
        else
        {
            var dash = hostPort.IndexOf('-');
            if (!int.TryParse(dash < 0 ? hostPort : hostPort[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out low)
                || !int.TryParse(dash < 0 ? hostPort : hostPort[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out high)
                || low is < 1 or > 65535 || high < low || high > 65535)
                throw BerthException.Invalid($"invalid host port: {hostPort}");
        }
        var count = high - low + 1;
        var offset = random ? Random.Shared.Next(count) : 0;
        for (var i = 0; i < count; i++)
        {
            var port = low + (offset + i) % count;
            if (!_heldPorts.TryAdd((protocol, hostIp, port), containerId)) continue;
            if (_heldPorts.Any(h => h.Key.Item1 == protocol && h.Key.Item3 == port && h.Value != containerId && (h.Key.Item2 == "0.0.0.0" || hostIp == "0.0.0.0"))
                || !HostPortFree(protocol, ip, port))
            {
                _heldPorts.TryRemove(new KeyValuePair<(string, string, int), string>((protocol, hostIp, port), containerId));
                continue;
            }
            return new PublishedPort(protocol, containerPort, hostIp, port);
        }
        throw new BerthException(ErrorKind.Internal, random || count > 1
            ? $"Bind for {hostIp}:{hostPort} failed: no free port in the range"
            : $"Bind for {hostIp}:{low} failed: port is already allocated");
    }

    /// <summary>Whether a host process could bind the port: a listener there would never see the DNAT'd traffic.</summary>
    private static bool HostPortFree(string protocol, IPAddress ip, int port)
    {
        try
        {
            using var socket = protocol == "udp"
                ? new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(ip, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void ReleasePorts(string containerId)
    {
        foreach (var held in _heldPorts.Where(h => h.Value == containerId).ToList())
            _heldPorts.TryRemove(held);
    }
}
