using System.Text;
using Berth.Core.Storage;
using Berth.Engine.Containers;

namespace Berth.Engine.Networking;

/// <summary>
/// A container's /etc/hosts and /etc/resolv.conf. /etc/hosts holds only the container's own entries
/// (localhost, its hostname at each of its addresses, <c>--add-host</c>): peers on user networks are names of the
/// embedded DNS server, as in Docker, so no other container's file is touched when members come and go
/// (docs/adr/bridge-networking.md). Rewrites of a running container's file happen in place (same inode),
/// because runc bind-mounted that inode; the first write goes through <see cref="AtomicFile"/>.
/// </summary>
public static class ContainerHostsFiles
{
    public static async Task WriteAsync(ContainerRecord record, ContainerNetworkState state, ContainerPaths paths, CancellationToken cancellationToken)
    {
        var hostname = record.Config.Hostname ?? record.ShortId;
        var primary = state.Endpoints.Count > 0 ? state.Endpoints[0] : null;
        var text = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        foreach (var endpoint in state.Endpoints) text.Append(OwnAddressLine(endpoint.IpAddress, hostname));
        foreach (var extra in record.HostConfig.ExtraHosts ?? [])
        {
            var colon = extra.IndexOf(':');
            if (colon <= 0) continue;
            var address = extra[(colon + 1)..];
            if (address == "host-gateway") address = primary?.Gateway ?? "127.0.0.1";
            text.Append(address).Append('\t').Append(extra[..colon]).Append('\n');
        }
        await AtomicFile.WriteAllBytesAsync(paths.HostsFile(record.Id), Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllBytesAsync(paths.ResolvConfFile(record.Id), Encoding.UTF8.GetBytes(ResolvConf(record, state)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>network connect</c>/<c>disconnect</c> of a running container: its hostname at the endpoint's address is
    /// added to or removed from its /etc/hosts, in place (Docker lists the container under each of its addresses).
    /// </summary>
    public static async Task UpdateOwnAddressAsync(string hostsFile, ContainerRecord record, string ipAddress, bool present, CancellationToken cancellationToken)
    {
        if (!File.Exists(hostsFile)) return;
        var line = OwnAddressLine(ipAddress, record.Config.Hostname ?? record.ShortId);
        var current = await File.ReadAllTextAsync(hostsFile, cancellationToken).ConfigureAwait(false);
        var lines = current.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").Where(l => l != line).ToList();
        if (present)
        {
            // After the container's own lines (localhost and its other addresses), before the --add-host entries.
            var at = lines.FindLastIndex(l => l.StartsWith("127.0.0.1\t", StringComparison.Ordinal) || l.StartsWith("::1\t", StringComparison.Ordinal)
                || l.EndsWith("\t" + (record.Config.Hostname ?? record.ShortId) + "\n", StringComparison.Ordinal));
            lines.Insert(at + 1, line);
        }
        await using var stream = new FileStream(hostsFile, FileMode.Open, FileAccess.Write);
        stream.SetLength(0);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines)), cancellationToken).ConfigureAwait(false);
    }

    private static string OwnAddressLine(string ipAddress, string hostname) => ipAddress + "\t" + hostname + "\n";

    /// <summary>
    /// Rewrites a running container's resolv.conf in place (runc bind-mounted its inode) for its current
    /// networks: 127.0.0.11 once it is on a user network, the default bridge's resolvers once it left the last one.
    /// </summary>
    public static async Task RewriteResolvConfInPlaceAsync(string path, ContainerRecord record, ContainerNetworkState state, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(0);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(ResolvConf(record, state)), cancellationToken).ConfigureAwait(false);
    }

    private static string ResolvConf(ContainerRecord record, ContainerNetworkState state) =>
        Dns.EmbeddedResolvConf.Applies(state) ? Dns.EmbeddedResolvConf.Render(record) : DefaultBridgeResolvConf(record);

    /// <summary><c>--dns</c>/<c>--dns-search</c>/<c>--dns-option</c>, else the host's file without loopback resolvers (unreachable from the container).</summary>
    private static string DefaultBridgeResolvConf(ContainerRecord record)
    {
        var host = File.Exists("/etc/resolv.conf") ? File.ReadAllLines("/etc/resolv.conf") : [];
        var nameservers = record.HostConfig.Dns is { Count: > 0 } dns
            ? dns
            : host.Where(l => l.StartsWith("nameserver", StringComparison.Ordinal)).Select(l => l["nameserver".Length..].Trim())
                .Where(ns => !ns.StartsWith("127.", StringComparison.Ordinal) && ns != "::1").ToList();
        if (nameservers.Count == 0) nameservers = ["8.8.8.8", "8.8.4.4"];
        var text = new StringBuilder();
        foreach (var ns in nameservers) text.Append("nameserver ").Append(ns).Append('\n');
        if (record.HostConfig.DnsSearch is { Count: > 0 } search) text.Append("search ").AppendJoin(' ', search).Append('\n');
        else foreach (var line in host.Where(l => l.StartsWith("search", StringComparison.Ordinal))) text.Append(line).Append('\n');
        if (record.HostConfig.DnsOptions is { Count: > 0 } options) text.Append("options ").AppendJoin(' ', options).Append('\n');
        return text.ToString();
    }
}
