using System.Text;
using Berth.Core.Storage;
using Berth.Engine.Containers;

namespace Berth.Engine.Networking;

/// <summary>
/// A container's /etc/hosts and /etc/resolv.conf. Names on user networks resolve through /etc/hosts: every
/// member's name, short ID and aliases are listed in each member's file and rewritten when members come and
/// go (docs/adr/bridge-networking.md). Rewrites of a running container's file happen in place (same inode),
/// because runc bind-mounted that inode; the first write goes through <see cref="AtomicFile"/>.
/// </summary>
public static class ContainerHostsFiles
{
    private const string MembersMarker = "# berth: network members\n";

    public static async Task WriteAsync(ContainerRecord record, ContainerNetworkState state, ContainerPaths paths, IEnumerable<(string Ip, IpLease Lease)> members, CancellationToken cancellationToken)
    {
        var hostname = record.Config.Hostname ?? record.ShortId;
        var primary = state.Endpoints.Count > 0 ? state.Endpoints[0] : null;
        var text = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        if (primary is not null) text.Append(primary.IpAddress).Append('\t').Append(hostname).Append('\n');
        foreach (var extra in record.HostConfig.ExtraHosts ?? [])
        {
            var colon = extra.IndexOf(':');
            if (colon <= 0) continue;
            var address = extra[(colon + 1)..];
            if (address == "host-gateway") address = primary?.Gateway ?? "127.0.0.1";
            text.Append(address).Append('\t').Append(extra[..colon]).Append('\n');
        }
        text.Append(MembersSection(members, record.Id));
        await AtomicFile.WriteAllBytesAsync(paths.HostsFile(record.Id), Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllBytesAsync(paths.ResolvConfFile(record.Id), Encoding.UTF8.GetBytes(Dns.EmbeddedResolvConf.Applies(state) ? Dns.EmbeddedResolvConf.Render(record) : ResolvConf(record)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the members section of a running container's /etc/hosts, in place.</summary>
    public static async Task RewriteMembersAsync(string hostsFile, IEnumerable<(string Ip, IpLease Lease)> members, CancellationToken cancellationToken)
    {
        if (!File.Exists(hostsFile)) return;
        var current = await File.ReadAllTextAsync(hostsFile, cancellationToken).ConfigureAwait(false);
        var at = current.IndexOf(MembersMarker, StringComparison.Ordinal);
        var head = at < 0 ? current : current[..at];
        var self = Path.GetFileName(Path.GetDirectoryName(hostsFile)) ?? "";
        await using var stream = new FileStream(hostsFile, FileMode.Open, FileAccess.Write);
        stream.SetLength(0);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head + MembersSection(members, self)), cancellationToken).ConfigureAwait(false);
    }

    private static string MembersSection(IEnumerable<(string Ip, IpLease Lease)> members, string selfId)
    {
        var text = new StringBuilder(MembersMarker);
        foreach (var (ip, lease) in members.Where(m => m.Lease.ContainerId != selfId))
            text.Append(ip).Append('\t').AppendJoin(' ', new[] { lease.ContainerName }.Concat(lease.Aliases).Distinct()).Append('\n');
        return text.ToString();
    }

    /// <summary><c>--dns</c>/<c>--dns-search</c>/<c>--dns-option</c>, else the host's file without loopback resolvers (unreachable from the container).</summary>
    private static string ResolvConf(ContainerRecord record)
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
