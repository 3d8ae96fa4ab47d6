namespace Berth.Engine.Distribution;

/// <summary>
/// One place to talk to a registry: its base URL (<c>https://registry-1.docker.io</c>, a mirror
/// <c>http://10.0.0.2:5000/</c>), whether it is a mirror, and whether TLS certificates are not verified.
/// </summary>
public sealed record RegistryEndpoint(Uri BaseUri, bool IsMirror, bool SkipTlsVerify)
{
    /// <summary>The URL of <paramref name="path"/> (<c>v2/…</c>) under the base, keeping a mirror's path prefix.</summary>
    public Uri Resolve(string path)
    {
        var text = BaseUri.ToString();
        return new Uri(text.EndsWith('/') ? text + path : text + "/" + path);
    }

    /// <summary><c>host[:port]</c> of the endpoint (the key for cached credentials and tokens).</summary>
    public string Authority => BaseUri.Authority;
}
