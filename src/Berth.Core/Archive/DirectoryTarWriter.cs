using System.Formats.Tar;
using Berth.Core.Interop;

namespace Berth.Core.Archive;

/// <summary>
/// Writes a directory tree as a tar (PAX), names relative to the root (<c>bin/</c>, <c>bin/sh</c>), in sorted
/// order, parents before children. Keeps owner, mode (with setuid/setgid/sticky), modification time, symlink
/// targets as they are, hard links (later names of one inode become link entries), device nodes and fifos;
/// sockets are left out. Never follows a symlink.
/// </summary>
public static class DirectoryTarWriter
{
    public static async Task WriteAsync(string root, Stream output, CancellationToken cancellationToken)
    {
        var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await using (tar.ConfigureAwait(false))
        {
            var links = new Dictionary<(uint, uint, ulong), string>();
            await WriteChildrenAsync(tar, root, "", links, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> itself as <paramref name="name"/> (a file, symlink, … or a directory as
    /// <c>name/</c> followed by its tree as <c>name/…</c>); <c>docker cp</c>'s archive of one path.
    /// </summary>
    public static async Task WritePathAsync(string path, string name, Stream output, CancellationToken cancellationToken)
    {
        var st = Libc.LstatOrNull(path) ?? throw BerthException.NotFound($"{path}: no such file or directory");
        var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await using (tar.ConfigureAwait(false))
        {
            var links = new Dictionary<(uint, uint, ulong), string>();
            await WriteEntryAsync(tar, path, name.TrimEnd('/'), st, links, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteChildrenAsync(TarWriter tar, string directory, string prefix, Dictionary<(uint, uint, ulong), string> links, CancellationToken cancellationToken)
    {
        foreach (var name in FileTarEntries.SortedNames(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name);
            if (Libc.LstatOrNull(path) is not { } st) continue; // removed while we walk
            await WriteEntryAsync(tar, path, prefix + name, st, links, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteEntryAsync(TarWriter tar, string path, string entryName, Libc.FileStatus st, Dictionary<(uint, uint, ulong), string> links, CancellationToken cancellationToken)
    {
        var type = st.FileType;
        if (type == Libc.S_IFDIR)
        {
            await tar.WriteEntryAsync(FileTarEntries.Create(TarEntryType.Directory, entryName + "/", st), cancellationToken).ConfigureAwait(false);
            await WriteChildrenAsync(tar, path, entryName + "/", links, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (type != Libc.S_IFLNK && FileTarEntries.HardLink(links, entryName, st) is { } link)
        {
            await tar.WriteEntryAsync(link, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (type == Libc.S_IFREG)
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                var entry = FileTarEntries.Create(TarEntryType.RegularFile, entryName, st);
                entry.DataStream = file;
                await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        // Sockets (no entry) exist only while their owner runs.
        if (FileTarEntries.Node(path, entryName, st) is { } node)
            await tar.WriteEntryAsync(node, cancellationToken).ConfigureAwait(false);
    }
}
