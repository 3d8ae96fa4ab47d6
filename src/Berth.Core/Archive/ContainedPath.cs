using Berth.Core.Interop;

namespace Berth.Core.Archive;

/// <summary>
/// Resolves a path from outside (a <c>docker cp</c> path) inside a root directory as if the root were <c>/</c>:
/// <c>..</c> stops at the root and every symlink met, absolute or relative, is followed within the root
/// (<see cref="RootedPath"/>), never outside it. The result is a host path under the root.
/// </summary>
public static class ContainedPath
{
    private const int MaxSymlinkHops = 255;

    /// <summary>
    /// The host path of <paramref name="path"/>: parents resolved, the last component followed only when
    /// <paramref name="followFinal"/>. Null when a parent is missing; the last component itself may be missing
    /// (check with lstat). Throws InvalidArgument when a parent is not a directory.
    /// </summary>
    public static string? Resolve(string root, string path, bool followFinal)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        var components = RootedPath.Clean(path);
        for (var hops = 0; ; hops++)
        {
            if (components.Count == 0) return root + "/."; // "/." so lstat sees the directory even through /proc/PID/root
            var parent = RootedPath.ResolveParent(root, components, create: false);
            if (parent is null) return null;
            var host = parent + "/" + components[^1];
            if (!followFinal || Libc.LstatOrNull(host) is not { FileType: Libc.S_IFLNK }) return host;
            if (hops >= MaxSymlinkHops)
                throw BerthException.Invalid($"too many levels of symbolic links resolving {path}");
            var target = new FileInfo(host).LinkTarget ?? "";
            components = RootedPath.Clean(target.StartsWith('/') ? target : InRoot(root, parent) + "/" + target);
        }
    }

    /// <summary>The container-absolute form (<c>/a/b</c>) of a host path under <paramref name="root"/>.</summary>
    public static string InRoot(string root, string hostPath)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        if (hostPath == root || hostPath == root + "/.") return "/";
        if (!hostPath.StartsWith(root + "/", StringComparison.Ordinal))
            throw new ArgumentException($"{hostPath} is not under {root}", nameof(hostPath));
        return hostPath[root.Length..];
    }

    /// <summary>
    /// Whether a cp path names a directory's contents or asserts a directory: it ends in <c>/</c> or <c>/.</c>
    /// (then its last symlink is followed, as docker does).
    /// </summary>
    public static bool AssertsDirectory(string path) => path.EndsWith('/') || path == "." || path.EndsWith("/.", StringComparison.Ordinal);
}
