namespace Berth.Core.Mounts;

/// <summary>Reads the layer directories out of an overlay <see cref="Mount"/>'s options.</summary>
public static class OverlayMountOptions
{
    private const string UpperPrefix = "upperdir=";
    private const string LowerPrefix = "lowerdir=";

    /// <summary>The <c>upperdir=</c> directory, or null for a read-only overlay.</summary>
    public static string? UpperDir(Mount overlay) => Value(overlay, UpperPrefix);

    /// <summary>The <c>lowerdir=</c> directories, topmost first; empty when there is none.</summary>
    public static IReadOnlyList<string> LowerDirs(Mount overlay) =>
        Value(overlay, LowerPrefix) is { Length: > 0 } lowers ? lowers.Split(':') : [];

    private static string? Value(Mount overlay, string prefix)
    {
        foreach (var option in overlay.Options)
            if (option.StartsWith(prefix, StringComparison.Ordinal)) return option[prefix.Length..];
        return null;
    }
}
