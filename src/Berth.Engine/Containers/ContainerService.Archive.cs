using Berth.Api;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Interop;
using Berth.Engine.Events;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _archiveWrites = new();

    /// <summary>How many times <c>cp</c> wrote into the container (size caches compare it).</summary>
    public long ArchiveWrites(string id) => _archiveWrites.GetValueOrDefault(id);

    /// <summary>
    /// <c>HEAD /containers/{id}/archive</c>: what <paramref name="path"/> is inside the container (lstat; a path
    /// ending in <c>/</c> or <c>/.</c> follows its last symlink). NotFound with Docker's text when it is missing.
    /// </summary>
    public async Task<ContainerPathStat> StatPathAsync(string idOrName, string path, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        return await InContainerRootAsync(record, root => Task.FromResult(StatInRoot(root, path, idOrName)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET /containers/{id}/archive</c>: a tar of <paramref name="path"/> (named by its base name, or <c>.</c>
    /// for <c>dir/.</c>) into the stream <paramref name="begin"/> returns once the path's stat is known.
    /// </summary>
    public async Task GetArchiveAsync(string idOrName, string path, Func<ContainerPathStat, Stream> begin, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        await InContainerRootAsync(record, async root =>
        {
            var stat = StatInRoot(root, path, idOrName);
            var host = ContainedPath.Resolve(root, path, ContainedPath.AssertsDirectory(path))!;
            var output = begin(stat);
            await DirectoryTarWriter.WritePathAsync(host, ArchiveEntryName(path), output, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _events.PublishContainerEvent(record, ContainerEvents.ArchivePath, new Dictionary<string, string> { ["path"] = path });
    }

    /// <summary>
    /// <c>PUT /containers/{id}/archive</c>: extracts a (possibly compressed) tar into the directory
    /// <paramref name="path"/>. Names are contained in that directory, symlinks in the container root; <c>.wh.</c>
    /// names are plain files. Without <paramref name="copyUidGid"/> everything belongs to the container's root.
    /// </summary>
    public async Task PutArchiveAsync(string idOrName, string path, Stream tar, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        await InContainerRootAsync(record, async root =>
        {
            var host = ContainedPath.Resolve(root, path, followFinal: true);
            var st = host is null ? null : Libc.LstatOrNull(host);
            if (host is null || st is null) throw NotFoundInContainer(path, idOrName);
            if (st.Value.FileType != Libc.S_IFDIR) throw BerthException.Invalid("extraction point is not a directory");
            var options = new TarExtractOptions
            {
                Whiteouts = false,
                Owner = copyUidGid ? null : (0, 0),
                NoOverwriteDirNonDir = noOverwriteDirNonDir,
                BaseComponents = RootedPath.Clean(ContainedPath.InRoot(root, host)),
            };
            var input = await Decompressor.OpenAsync(tar, cancellationToken, leaveOpen: true).ConfigureAwait(false);
            await using (input.ConfigureAwait(false))
            {
                try
                {
                    await LayerApplier.ApplyAsync(input, root, options, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _archiveWrites.AddOrUpdate(record.Id, 1, (_, n) => n + 1);
                }
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _events.PublishContainerEvent(record, ContainerEvents.ExtractToDir, new Dictionary<string, string> { ["path"] = path });
    }

    private static ContainerPathStat StatInRoot(string root, string path, string idOrName)
    {
        var host = ContainedPath.Resolve(root, path, ContainedPath.AssertsDirectory(path));
        var st = host is null ? null : Libc.LstatOrNull(host);
        if (host is null || st is null) throw NotFoundInContainer(path, idOrName);
        var components = RootedPath.Clean(path);
        var linkTarget = "";
        if (st.Value.FileType == Libc.S_IFLNK)
        {
            var resolved = ContainedPath.Resolve(root, path, followFinal: true);
            linkTarget = resolved is null ? new FileInfo(host).LinkTarget ?? "" : ContainedPath.InRoot(root, resolved);
        }
        return new ContainerPathStat
        {
            Name = components.Count == 0 ? "/" : components[^1],
            Size = (long)st.Value.Size,
            Mode = GoFileMode(st.Value),
            Mtime = DateTimeOffset.FromUnixTimeSeconds(st.Value.Mtime.Seconds).AddTicks(st.Value.Mtime.Nanoseconds / 100),
            LinkTarget = linkTarget,
        };
    }

    /// <summary>The archive's top name: the base name, or <c>.</c> for a directory's contents (<c>dir/.</c>, <c>/</c>).</summary>
    private static string ArchiveEntryName(string path)
    {
        var components = RootedPath.Clean(path);
        if (components.Count == 0 || path == "." || path.EndsWith("/.", StringComparison.Ordinal)) return ".";
        return components[^1];
    }

    private static BerthException NotFoundInContainer(string path, string idOrName) =>
        BerthException.NotFound($"Could not find the file {path} in container {idOrName}");

    /// <summary>A Go <c>os.FileMode</c>: permission bits, set-id/sticky and type bits at Go's positions.</summary>
    private static uint GoFileMode(Libc.FileStatus st)
    {
        var mode = (uint)st.Mode & 0x1ff;
        if ((st.Mode & 0x800) != 0) mode |= ContainerPathStat.ModeSetuid;
        if ((st.Mode & 0x400) != 0) mode |= ContainerPathStat.ModeSetgid;
        if ((st.Mode & 0x200) != 0) mode |= ContainerPathStat.ModeSticky;
        return mode | st.FileType switch
        {
            Libc.S_IFDIR => ContainerPathStat.ModeDir,
            Libc.S_IFLNK => ContainerPathStat.ModeSymlink,
            Libc.S_IFCHR => ContainerPathStat.ModeDevice | ContainerPathStat.ModeCharDevice,
            Libc.S_IFBLK => ContainerPathStat.ModeDevice,
            Libc.S_IFIFO => ContainerPathStat.ModeNamedPipe,
            Libc.S_IFSOCK => ContainerPathStat.ModeSocket,
            _ => 0u,
        };
    }
}
