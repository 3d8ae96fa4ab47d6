using System.Net;

namespace Berth.Engine.Distribution;

/// <summary>
/// How berthd reaches registries (from daemon.json): mirrors per registry domain (pulls only, tried in order
/// before the registry itself), registries spoken to over plain http (CIDRs and host[:port]; loopback always),
/// and the download/upload concurrency.
/// </summary>
public sealed record RegistryConfiguration
{
    public const int DefaultMaxConcurrentDownloads = 3;
    public const int DefaultMaxConcurrentUploads = 5;

    /// <summary>Mirror base URLs by registry domain (<c>docker.io</c>, <c>127.0.0.1:5000</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Uri>> Mirrors { get; init; } = new Dictionary<string, IReadOnlyList<Uri>>();

    public IReadOnlyList<IPNetwork> InsecureNetworks { get; init; } = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public IReadOnlyList<string> InsecureHosts { get; init; } = [];

    public int MaxConcurrentDownloads { get; init; } = DefaultMaxConcurrentDownloads;

    public int MaxConcurrentUploads { get; init; } = DefaultMaxConcurrentUploads;

    public IReadOnlyList<Uri> MirrorsFor(string domain) => Mirrors.TryGetValue(domain, out var list) ? list : [];

    /// <summary>
    /// Whether <paramref name="domain"/> (host[:port]) may be spoken to without TLS verification and over plain
    /// http: listed by name, or resolving to an address inside an insecure CIDR (as dockerd decides).
    /// </summary>
    public async Task<bool> IsInsecureAsync(string domain, CancellationToken cancellationToken)
    {
        if (InsecureHosts.Contains(domain, StringComparer.OrdinalIgnoreCase)) return true;
        var host = HostOf(domain);
        if (InsecureHosts.Contains(host, StringComparer.OrdinalIgnoreCase)) return true;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false); }
            catch (System.Net.Sockets.SocketException) { return false; }
        }
        return addresses.Any(a => InsecureNetworks.Any(n => n.Contains(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)));
    }

    /// <summary>The host of host[:port], without IPv6 brackets.</summary>
    public static string HostOf(string domain)
    {
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? domain[1..close] : domain;
        }
        var colon = domain.LastIndexOf(':');
        return colon > 0 && domain.IndexOf(':', StringComparison.Ordinal) == colon ? domain[..colon] : domain;
    }
}
