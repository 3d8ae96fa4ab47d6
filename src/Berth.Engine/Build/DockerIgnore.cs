using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Engine.Build;

/// <summary>
/// <c>.dockerignore</c> patterns: Go <c>filepath.Match</c> globs plus <c>**</c>, comments (<c>#</c>), <c>!</c>
/// exceptions; the last matching pattern decides; a pattern matching a parent directory matches what is below it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _patterns = [];
    private readonly List<string> _exceptions = [];

    public static DockerIgnore Empty { get; } = new([]);

    public DockerIgnore(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var exclude = true;
            if (line.StartsWith('!'))
            {
                exclude = false;
                line = line[1..].Trim();
            }
            var cleaned = string.Join('/', line.Split('/').Where(p => p.Length > 0 && p != "."));
            if (cleaned.Length == 0) continue;
            _patterns.Add((new Regex("^" + GlobToRegex(cleaned) + "$", RegexOptions.CultureInvariant), exclude));
            if (!exclude) _exceptions.Add(cleaned);
        }
    }

    public static DockerIgnore Load(string contextRoot)
    {
        // Resolved inside the context: a .dockerignore symlink in the context tar never reads a host file.
        var path = Specs.RootfsPath.Resolve(contextRoot, ".dockerignore");
        return File.Exists(path) ? new DockerIgnore(File.ReadAllLines(path)) : Empty;
    }

    public bool IsEmpty => _patterns.Count == 0;

    /// <summary>
    /// Whether an excluded directory must still be walked because a <c>!</c> exception may re-include something
    /// at or below it. Docker's rule: an exception whose text (plus <c>/</c>) starts with the directory's path
    /// plus <c>/</c>; any other excluded directory is skipped whole.
    /// </summary>
    public bool MayIncludeBelow(string relativeDirectory)
    {
        var prefix = relativeDirectory + "/";
        return _exceptions.Exists(e => (e + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Whether the context-relative path (with <c>/</c>) is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        if (_patterns.Count == 0 || relativePath.Length == 0) return false;
        var excluded = false;
        foreach (var (pattern, exclude) in _patterns)
        {
            if (Matches(pattern, relativePath)) excluded = exclude;
        }
        return excluded;
    }

    private static bool Matches(Regex pattern, string path)
    {
        if (pattern.IsMatch(path)) return true;
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.IsMatch(path[..slash])) return true;
        }
        return false;
    }

    /// <summary>A Go filepath.Match glob (plus <c>**</c> for any number of directories) as a regular expression.</summary>
    public static string GlobToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }
                    break;
                case '*': regex.Append("[^/]*"); break;
                case '?': regex.Append("[^/]"); break;
                case '[':
                {
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var set = glob[(i + 1)..end];
                    if (set.StartsWith('^') || set.StartsWith('!')) set = "^" + set[1..];
                    regex.Append('[').Append(set.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                }
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.ToString();
    }
}
