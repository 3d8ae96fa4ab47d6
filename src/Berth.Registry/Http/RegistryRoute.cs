using System.Text.RegularExpressions;

namespace Berth.Registry.Http;

/// <summary>
/// A parsed <c>/v2/…</c> path. Repository names contain slashes, so the path is matched from its end: the
/// name is everything before the last <c>/manifests/</c>, <c>/blobs/</c>, <c>/tags/list</c> or <c>/referrers/</c>.
/// </summary>
public sealed partial record RegistryRoute(RegistryRouteKind Kind, string Name = "", string Reference = "")
{
    /// <param name="path">The path after <c>/v2/</c> (no leading slash).</param>
    public static RegistryRoute Parse(string path)
    {
        if (path.Length == 0) return new(RegistryRouteKind.Base);
        if (path is "_catalog" or "_catalog/") return new(RegistryRouteKind.Catalog);
        var m = RoutePattern().Match(path);
        if (!m.Success) return new(RegistryRouteKind.Unknown);
        var name = m.Groups["name"].Value;
        if (m.Groups["manifest"].Success) return new(RegistryRouteKind.Manifest, name, m.Groups["manifest"].Value);
        if (m.Groups["upload"].Success) return new(RegistryRouteKind.Upload, name, m.Groups["upload"].Value);
        if (m.Groups["blob"].Success) return new(RegistryRouteKind.Blob, name, m.Groups["blob"].Value);
        if (m.Groups["referrers"].Success) return new(RegistryRouteKind.Referrers, name, m.Groups["referrers"].Value);
        return new(RegistryRouteKind.Tags, name);
    }

    [GeneratedRegex(@"^(?<name>.+?)/(?:manifests/(?<manifest>[^/]+)|blobs/uploads/(?<upload>[^/]*)|blobs/(?<blob>[^/]+)|referrers/(?<referrers>[^/]+)|(?<tags>tags/list))$")]
    private static partial Regex RoutePattern();
}
