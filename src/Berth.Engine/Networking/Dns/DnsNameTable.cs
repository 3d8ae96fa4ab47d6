using System.Globalization;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// The names the embedded DNS server answers, read from the live network records (their leases name every
/// running member with its aliases and short ID), so joins and departures show at once. Docker's scoping: a
/// container sees the members of the user networks it is on, nobody else; the default bridge has no names.
/// A name is a member's container name, one of its aliases (<c>--network-alias</c>, short ID), either alone or
/// followed by <c>.&lt;network name&gt;</c>.
/// </summary>
public sealed class DnsNameTable(Func<IReadOnlyCollection<NetworkRecord>> networks)
{
    private const string ReverseSuffix = ".in-addr.arpa";

    /// <summary>The IPv4 addresses <paramref name="name"/> has for <paramref name="askerId"/> (empty: not a member's name).</summary>
    public IReadOnlyList<string> Lookup(string askerId, string name)
    {
        name = name.TrimEnd('.');
        var found = new List<string>();
        foreach (var network in Visible(askerId))
        {
            var local = name;
            var qualified = "." + network.Name;
            if (name.Length > qualified.Length && name.EndsWith(qualified, StringComparison.OrdinalIgnoreCase))
                local = name[..^qualified.Length];
            foreach (var (address, lease) in network.Leases)
                if (Names(lease).Any(n => string.Equals(n, local, StringComparison.OrdinalIgnoreCase)) && !found.Contains(address))
                    found.Add(address);
        }
        return found;
    }

    /// <summary>PTR: <c>d.c.b.a.in-addr.arpa</c> of a visible member → <c>&lt;name&gt;.&lt;network&gt;</c>; null otherwise.</summary>
    public string? ReverseLookup(string askerId, string name)
    {
        name = name.TrimEnd('.');
        if (!name.EndsWith(ReverseSuffix, StringComparison.OrdinalIgnoreCase)) return null;
        var octets = name[..^ReverseSuffix.Length].Split('.');
        if (octets.Length != 4 || octets.Any(o => !byte.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out _))) return null;
        var address = string.Join('.', octets.Reverse());
        foreach (var network in Visible(askerId))
            if (network.Leases.TryGetValue(address, out var lease))
                return lease.ContainerName + "." + network.Name;
        return null;
    }

    /// <summary>False when every network of the asker is <c>--internal</c>: such containers must not reach outside resolvers.</summary>
    public bool MayForward(string askerId)
    {
        var own = networks().Where(n => n.Leases.Values.Any(l => l.ContainerId == askerId)).ToList();
        return own.Count == 0 || own.Any(n => !n.Internal);
    }

    private IEnumerable<NetworkRecord> Visible(string askerId) =>
        networks().Where(n => !n.IsDefault && n.Leases.Values.Any(l => l.ContainerId == askerId));

    private static IEnumerable<string> Names(IpLease lease) => lease.Aliases.Prepend(lease.ContainerName);
}
