namespace Berth.Registry.Auth;

/// <summary>How clients authenticate: not at all, HTTP Basic against htpasswd, or Bearer tokens from <c>/token</c>.</summary>
public enum RegistryAuthMode
{
    None,
    Basic,
    Token,
}
