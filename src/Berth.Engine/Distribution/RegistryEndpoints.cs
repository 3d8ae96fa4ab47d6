using System.Collections.Concurrent;
using Berth.Core.References;

namespace Berth.Engine.Distribution;

/// <summary>
/// Where to reach a registry domain: its mirrors (pulls only, in order), then the registry itself over https,
/// or for insecure registries https without verification falling back to plain http (as dockerd), the
/// choice remembered per domain once one answered.
/// </summary>
public sealed class RegistryEndpoints(RegistryConfiguration configuration, IRegistryClient client)
{
    public const string DockerHubRegistry = "https://registry-1.docker.io";
    private readonly ConcurrentDictionary<string, RegistryEndpoint> _upstreams = new(StringComparer.OrdinalIgnoreCase);

    public RegistryConfiguration Configuration => configuration;

    /// <summary>Mirrors of <paramref name="domain"/> then the registry itself.</summary>
    public async Task<IReadOnlyList<RegistryEndpoint>> ForPullAsync(string domain, CancellationToken cancellationToken)
    {
        var list = new List<RegistryEndpoint>();
        foreach (var mirror in configuration.MirrorsFor(domain))
        {
            var insecure = mirror.Scheme == Uri.UriSchemeHttp || await configuration.IsInsecureAsync(mirror.Authority, cancellationToken).ConfigureAwait(false);
            list.Add(new RegistryEndpoint(mirror, IsMirror: true, SkipTlsVerify: insecure));
        }
        list.Add(await UpstreamAsync(domain, cancellationToken).ConfigureAwait(false));
        return list;
    }

    /// <summary>The registry itself (pushes, login, search).</summary>
    public async Task<RegistryEndpoint> UpstreamAsync(string domain, CancellationToken cancellationToken)
    {
        if (_upstreams.TryGetValue(domain, out var known)) return known;
        if (domain == ImageReference.DefaultDomain) return new RegistryEndpoint(new Uri(DockerHubRegistry), false, false);
        if (!await configuration.IsInsecureAsync(domain, cancellationToken).ConfigureAwait(false))
            return new RegistryEndpoint(new Uri($"https://{domain}"), false, false);
        var https = new RegistryEndpoint(new Uri($"https://{domain}"), false, SkipTlsVerify: true);
        if (await client.ProbeAsync(https, cancellationToken).ConfigureAwait(false)) return _upstreams[domain] = https;
        var http = new RegistryEndpoint(new Uri($"http://{domain}"), false, SkipTlsVerify: true);
        if (await client.ProbeAsync(http, cancellationToken).ConfigureAwait(false)) _upstreams[domain] = http;
        return http;
    }

    /// <summary>
    /// The registry domain a login or search names: <c>127.0.0.1:5000</c>, <c>https://reg.example/</c>, or
    /// empty / Docker Hub's index address for docker.io.
    /// </summary>
    public static string DomainOf(string? serverAddress)
    {
        var text = (serverAddress ?? "").Trim();
        if (text.Length == 0) return ImageReference.DefaultDomain;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) text = text[..slash];
        return text is "index.docker.io" or "registry-1.docker.io" or "docker.io" ? ImageReference.DefaultDomain : text;
    }
}
