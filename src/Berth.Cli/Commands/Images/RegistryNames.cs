namespace Berth.Cli.Commands.Images;

/// <summary>
/// Docker's reference normalisation as far as the CLI needs it: the registry of an image name
/// (<c>busybox</c> → docker.io, <c>127.0.0.1:5000/a</c> → 127.0.0.1:5000) and the full name docker prints after a pull.
/// </summary>
public static class RegistryNames
{
    public const string DockerHub = "docker.io";

    /// <summary>The key docker's config.json uses for Docker Hub.</summary>
    public const string DockerHubAuthKey = "https://index.docker.io/v1/";

    public static string Domain(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return DockerHub;
        var first = image[..slash];
        var isHost = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
                     || !string.Equals(first, first.ToLowerInvariant(), StringComparison.Ordinal);
        return !isHost || first is "index.docker.io" ? DockerHub : first;
    }

    /// <summary><c>busybox</c> → <c>docker.io/library/busybox:latest</c> (what <c>docker pull</c> prints last).</summary>
    public static string FullName(string image)
    {
        var withTag = Containers.ImageNames.WithDefaultTag(image);
        if (Domain(image) != DockerHub) return withTag;
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var rest = slash > 0 && image[..slash] is "docker.io" or "index.docker.io" ? withTag[(slash + 1)..] : withTag;
        if (!rest.Contains('/', StringComparison.Ordinal)) rest = "library/" + rest;
        return $"{DockerHub}/{rest}";
    }

    /// <summary>The domain of a <c>login</c>/<c>logout</c> SERVER argument (<c>https://host:5000/</c> → <c>host:5000</c>).</summary>
    public static string ServerDomain(string? server)
    {
        var text = (server ?? "").Trim();
        if (text.Length == 0) return DockerHub;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) text = text[..slash];
        return text is "index.docker.io" or "registry-1.docker.io" or "docker.io" ? DockerHub : text;
    }
}
