using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Engine.Distribution;

/// <summary>Picks the image manifest for a platform from an index (OCI image index or Docker manifest list).</summary>
public static class PlatformSelector
{
    public static Descriptor Select(ImageIndex index, PlatformSpec wanted)
    {
        // Exact variant first, then any variant (docker's platform matcher prefers the closest).
        var candidates = index.Manifests.Where(m => MediaTypes.IsManifest(m.MediaType) || m.MediaType.Length == 0).ToList();
        var match = candidates.FirstOrDefault(m => wanted.Matches(m.Platform) && (wanted.Variant is not null || m.Platform!.Variant is null))
                    ?? candidates.FirstOrDefault(m => wanted.Matches(m.Platform));
        return match ?? throw BerthException.NotFound($"no matching manifest for {wanted} in the manifest list entries");
    }
}
