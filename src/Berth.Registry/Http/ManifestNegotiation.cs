using Berth.Core.Oci;
using Microsoft.Extensions.Primitives;

namespace Berth.Registry.Http;

/// <summary>Accept-header matching for manifests (content-negotiation.md): exact media types, <c>*/*</c> and <c>application/*</c>.</summary>
public static class ManifestNegotiation
{
    /// <summary>The media types a request accepts; empty means anything (no Accept header).</summary>
    public static IReadOnlyList<string> Accepted(StringValues accept)
    {
        var result = new List<string>();
        foreach (var header in accept)
        {
            foreach (var part in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var semicolon = part.IndexOf(';', StringComparison.Ordinal);
                var type = (semicolon >= 0 ? part[..semicolon] : part).Trim();
                if (type.Length > 0) result.Add(type);
            }
        }
        return result;
    }

    public static bool Accepts(IReadOnlyList<string> accepted, string mediaType) =>
        accepted.Count == 0 || accepted.Any(a => a == mediaType || a == "*/*"
            || (a.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(a[..^1], StringComparison.Ordinal)));

    /// <summary>Whether the client accepts any single-image manifest type (then an index it refuses can fall back to a child).</summary>
    public static bool AcceptsSomeManifest(IReadOnlyList<string> accepted) =>
        Accepts(accepted, MediaTypes.OciManifest) || Accepts(accepted, MediaTypes.DockerManifest);
}
