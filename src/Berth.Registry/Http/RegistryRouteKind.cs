namespace Berth.Registry.Http;

/// <summary>Which endpoint of the distribution API a <c>/v2/…</c> path names.</summary>
public enum RegistryRouteKind
{
    Unknown,
    Base,
    Catalog,
    Manifest,
    Blob,
    Upload,
    Tags,
    Referrers,
}
