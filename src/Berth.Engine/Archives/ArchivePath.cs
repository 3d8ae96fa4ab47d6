using Berth.Core;

namespace Berth.Engine.Archives;

/// <summary>
/// Names inside an image archive, cleaned to <c>a/b/c</c>. An absolute name or one whose <c>..</c> climbs
/// above the archive root is path traversal and rejected (InvalidArgument), never contained silently.
/// </summary>
public static class ArchivePath
{
    public static string Normalize(string name)
    {
        if (name.StartsWith('/')) throw Traversal(name);
        return Join([], name, name);
    }

    /// <summary>The target of a symlink at <paramref name="linkPath"/>, relative to the link's directory.</summary>
    public static string ResolveLink(string linkPath, string target)
    {
        if (target.StartsWith('/')) throw Traversal(target);
        var parts = linkPath.Split('/').ToList();
        parts.RemoveAt(parts.Count - 1);
        return Join(parts, target, target);
    }

    private static string Join(List<string> parts, string relative, string original)
    {
        foreach (var part in relative.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) throw Traversal(original);
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static BerthException Traversal(string name) =>
        BerthException.Invalid($"invalid archive: path {name} points outside the archive");
}
