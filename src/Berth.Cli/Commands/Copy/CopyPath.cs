namespace Berth.Cli.Commands.Copy;

/// <summary>
/// One side of <c>berth cp</c>: <c>CONTAINER:PATH</c>, a local path, or <c>-</c> (a tar on stdin/stdout).
/// A path that starts with <c>/</c> or <c>.</c> is local even when it holds a colon (docker's rule).
/// </summary>
internal sealed record CopyPath(string? Container, string Path)
{
    public bool IsContainer => Container is not null;
    public bool IsStream => Container is null && Path == "-";

    public static CopyPath Parse(string text)
    {
        if (text.StartsWith('/') || text.StartsWith('.')) return new CopyPath(null, text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return new CopyPath(null, text);
        return new CopyPath(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>
    /// docker's SplitPathDirEntry: the cleaned path's directory and base name; a path ending in <c>/.</c> has
    /// base <c>.</c> (its contents) and itself as the directory.
    /// </summary>
    public static (string Directory, string Base) SplitDirEntry(string path)
    {
        var cleaned = Clean(path);
        if (SpecifiesCurrentDir(path)) return (cleaned, ".");
        if (cleaned == "/") return ("/", "/");
        var slash = cleaned.LastIndexOf('/');
        if (slash < 0) return (".", cleaned);
        return (slash == 0 ? "/" : cleaned[..slash], cleaned[(slash + 1)..]);
    }

    /// <summary>Whether the path ends in <c>/.</c> (or is <c>.</c>): copy a directory's contents.</summary>
    public static bool SpecifiesCurrentDir(string path) => path == "." || path.EndsWith("/.", StringComparison.Ordinal);

    /// <summary>Whether the path ends in a separator or <c>/.</c>: it must be a directory.</summary>
    public static bool AssertsDirectory(string path) => path.EndsWith('/') || SpecifiesCurrentDir(path);

    /// <summary>Lexical clean (Go's path.Clean): no empty, <c>.</c> or resolvable <c>..</c> components.</summary>
    public static string Clean(string path)
    {
        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!absolute) parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        if (absolute) return "/" + joined;
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>Joins a container path onto a directory (a relative symlink target onto its parent).</summary>
    public static string Join(string directory, string name) => Clean(directory + "/" + name);
}
