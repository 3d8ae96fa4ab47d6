using System.Net;
using Berth.Core;

namespace Berth.Daemon.Configuration;

/// <summary>
/// Registry settings from daemon.json, normalised the way dockerd does: mirrors are http(s) URLs ending in
/// "/", insecure registries are either CIDRs (127.0.0.0/8 and ::1/128 are always insecure) or host[:port].
/// <see cref="Mirrors"/> are docker.io's; <see cref="MirrorsByRegistry"/> holds every registry's (berth's
/// extension: <c>registry-mirrors</c> as a map), docker.io's included.
/// </summary>
public sealed record RegistrySettings(IReadOnlyList<string> Mirrors, IReadOnlyList<string> InsecureCidrs, IReadOnlyList<string> InsecureHosts)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MirrorsByRegistry { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int MaxConcurrentDownloads { get; init; } = Berth.Engine.Distribution.RegistryConfiguration.DefaultMaxConcurrentDownloads;

    public int MaxConcurrentUploads { get; init; } = Berth.Engine.Distribution.RegistryConfiguration.DefaultMaxConcurrentUploads;

    public static RegistrySettings From(DaemonOptions options)
    {
        var settings = From(options.RegistryMirrors.Concat(options.RegistryMirrorsByRegistry.GetValueOrDefault(OfficialIndexName) ?? []).ToList(),
            options.InsecureRegistries);
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (settings.Mirrors.Count > 0) map[OfficialIndexName] = settings.Mirrors;
        foreach (var (registry, mirrors) in options.RegistryMirrorsByRegistry)
        {
            if (registry == OfficialIndexName) continue;
            if (registry.Contains('/', StringComparison.Ordinal) || registry.Contains("://", StringComparison.Ordinal))
                throw BerthException.Invalid($"invalid registry in registry-mirrors: {registry} (want host[:port])");
            map[registry] = mirrors.Select(NormaliseMirror).Distinct().ToList();
        }
        return settings with
        {
            MirrorsByRegistry = map,
            MaxConcurrentDownloads = options.MaxConcurrentDownloads,
            MaxConcurrentUploads = options.MaxConcurrentUploads,
        };
    }

    /// <summary>The engine's view of these settings.</summary>
    public Berth.Engine.Distribution.RegistryConfiguration ToConfiguration() => new()
    {
        Mirrors = MirrorsByRegistry.ToDictionary(p => p.Key, p => (IReadOnlyList<Uri>)p.Value.Select(m => new Uri(m)).ToList(), StringComparer.OrdinalIgnoreCase),
        InsecureNetworks = InsecureCidrs.Select(IPNetwork.Parse).ToList(),
        InsecureHosts = InsecureHosts,
        MaxConcurrentDownloads = MaxConcurrentDownloads,
        MaxConcurrentUploads = MaxConcurrentUploads,
    };

    public const string OfficialIndexName = "docker.io";
    public const string IndexServerAddress = "https://index.docker.io/v1/";
    private static readonly string[] LoopbackCidrs = ["127.0.0.0/8", "::1/128"];

    public static RegistrySettings From(IReadOnlyList<string> mirrors, IReadOnlyList<string> insecureRegistries)
    {
        var normalisedMirrors = mirrors.Select(NormaliseMirror).Distinct().ToList();
        var cidrs = new List<string>(LoopbackCidrs);
        var hosts = new List<string>();
        foreach (var entry in insecureRegistries)
        {
            var value = entry.Trim();
            if (value.Contains("://", StringComparison.Ordinal))
                throw BerthException.Invalid($"insecure registry {value} should not contain '://'");
            if (value.Contains('/', StringComparison.Ordinal))
            {
                if (!IPNetwork.TryParse(value, out var network)) throw BerthException.Invalid($"invalid insecure registry CIDR: {value}");
                var text = network.ToString();
                if (!cidrs.Contains(text)) cidrs.Add(text);
            }
            else if (!hosts.Contains(value))
            {
                hosts.Add(value);
            }
        }
        return new RegistrySettings(normalisedMirrors, cidrs, hosts);
    }

    private static string NormaliseMirror(string mirror)
    {
        if (!Uri.TryCreate(mirror.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw BerthException.Invalid($"invalid mirror: unsupported scheme or format in \"{mirror}\"");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0) throw BerthException.Invalid($"invalid mirror: query or fragment in \"{mirror}\"");
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}
