using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Interop;
using Berth.Engine.Specs;

namespace Berth.Engine.Build;

/// <summary>
/// A directory files are copied from (the build context, or another stage's or image's rootfs): sources are
/// resolved inside it as if it were <c>/</c>; a lexical <c>..</c> above it is an error and symlinks are followed
/// only within it. <c>.dockerignore</c> exclusions apply to the build context.
/// </summary>
public sealed class BuildContext(string root, DockerIgnore ignore, bool isBuildContext, ContextArchive? archive = null)
{
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public DockerIgnore Ignore { get; } = ignore;

    /// <summary>
    /// The context-relative paths a COPY/ADD source names: one path, or the matches of a glob. Missing or
    /// excluded sources throw Docker's texts.
    /// </summary>
    public List<string> Resolve(string source, string instruction)
    {
        var relative = Relative(source);
        if (source.IndexOfAny(['*', '?', '[']) < 0)
        {
            var resolved = ResolveLinks(relative);
            if (Libc.LstatOrNull(Full(resolved)) is null || IsExcluded(relative))
                throw BerthException.Invalid($"{instruction} failed: file not found in build context or excluded by .dockerignore: stat {source}: file does not exist");
            return [resolved];
        }
        var pattern = new Regex("^" + DockerIgnore.GlobToRegex(relative) + "$", RegexOptions.CultureInvariant);
        var matches = new List<string>();
        foreach (var candidate in Walk(""))
        {
            if (pattern.IsMatch(candidate)) matches.Add(candidate);
        }
        if (matches.Count == 0)
            throw BerthException.Invalid($"{instruction} failed: no source files were specified");
        matches.Sort(StringComparer.Ordinal);
        return matches;
    }

    /// <summary>The absolute path of a context-relative path.</summary>
    public string Full(string relative) => relative.Length == 0 ? Root : Root + "/" + relative;

    public bool IsExcluded(string relative) => isBuildContext && Ignore.IsExcluded(relative);

    /// <summary>Every path under <paramref name="relative"/> (not followed through symlinks), sorted, excluded ones left out.</summary>
    public IEnumerable<string> Walk(string relative)
    {
        var directory = Full(relative);
        string[] names;
        try
        {
            names = Directory.GetFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).ToArray();
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var child = relative.Length == 0 ? name : relative + "/" + name;
            var excluded = IsExcluded(child);
            var st = Libc.LstatOrNull(Full(child));
            if (st is null) continue;
            if (!excluded) yield return child;
            // An excluded directory is skipped unless a !exception may re-include something below it.
            if (st.Value.FileType == Libc.S_IFDIR && (!excluded || Ignore.MayIncludeBelow(child)))
            {
                foreach (var nested in Walk(child)) yield return nested;
            }
        }
    }

    /// <summary>
    /// A checksum of the sources' names, types, modes, owners, link targets and contents (not times): the part
    /// of a COPY/ADD cache key that says whether the files changed. A file's contents count by their SHA-256,
    /// which a context read from a tar already knows (<see cref="ContextArchive.Digest"/>) without reading the file.
    /// </summary>
    public string Checksum(IReadOnlyList<string> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            foreach (var source in sources)
            {
                AddEntry(hash, source, buffer);
                if (Libc.LstatOrNull(Full(source)) is { FileType: Libc.S_IFDIR })
                {
                    foreach (var nested in Walk(source)) AddEntry(hash, nested, buffer);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void AddEntry(IncrementalHash hash, string relative, byte[] buffer)
    {
        var path = Full(relative);
        if (Libc.LstatOrNull(path) is not { } st) return;
        var header = $"{relative}\0{st.Mode}\0{st.Uid}\0{st.Gid}\0";
        if (st.FileType == Libc.S_IFLNK) header += new FileInfo(path).LinkTarget;
        if (st.FileType == Libc.S_IFREG) header += st.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        hash.AppendData(Encoding.UTF8.GetBytes(header + "\n"));
        if (st.FileType != Libc.S_IFREG) return;
        if (archive?.Digest(st) is { } known)
        {
            hash.AppendData(known);
            return;
        }
        using var content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        int n;
        while ((n = file.Read(buffer, 0, buffer.Length)) > 0) content.AppendData(buffer, 0, n);
        hash.AppendData(content.GetHashAndReset());
    }

    /// <summary>Cleans a source lexically; <c>..</c> above the root is Docker's "outside the build context" error.</summary>
    private static string Relative(string source)
    {
        var parts = new List<string>();
        foreach (var part in source.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) throw BerthException.Invalid($"Forbidden path outside the build context: {source} ()");
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>
    /// Follows symlinks in <paramref name="relative"/> (the last one too) within the root
    /// (<see cref="RootfsPath.Resolve"/>); the result is relative to the root again.
    /// </summary>
    private string ResolveLinks(string relative)
    {
        var resolved = RootfsPath.Resolve(Root, relative);
        return resolved.Length > Root.Length ? resolved[(Root.Length + 1)..] : "";
    }
}
