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
        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, name!);
            if (Libc.LstatOrNull(path) is not { } st) continue; // removed while we walk
            await WriteEntryAsync(tar, path, prefix + name, st, links, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteEntryAsync(TarWriter tar, string path, string entryName, Libc.FileStatus st, Dictionary<(uint, uint, ulong), string> links, CancellationToken cancellationToken)
    {
        var type = st.FileType;
        if (type == Libc.S_IFDIR)
        {
            await tar.WriteEntryAsync(NewEntry(TarEntryType.Directory, entryName + "/", st), cancellationToken).ConfigureAwait(false);
            await WriteChildrenAsync(tar, path, entryName + "/", links, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (type != Libc.S_IFLNK && st.Nlink > 1)
        {
            var key = (st.DevMajor, st.DevMinor, st.Ino);
            if (links.TryGetValue(key, out var first))
            {
                var link = NewEntry(TarEntryType.HardLink, entryName, st);
                link.LinkName = first;
                await tar.WriteEntryAsync(link, cancellationToken).ConfigureAwait(false);
                return;
            }
            links[key] = entryName;
        }
        switch (type)
        {
            case Libc.S_IFREG:
                var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    var entry = NewEntry(TarEntryType.RegularFile, entryName, st);
                    entry.DataStream = file;
                    await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                }
                break;
            case Libc.S_IFLNK:
                var symlink = NewEntry(TarEntryType.SymbolicLink, entryName, st);
                symlink.LinkName = new FileInfo(path).LinkTarget ?? "";
                await tar.WriteEntryAsync(symlink, cancellationToken).ConfigureAwait(false);
                break;
            case Libc.S_IFCHR or Libc.S_IFBLK:
                var device = NewEntry(type == Libc.S_IFCHR ? TarEntryType.CharacterDevice : TarEntryType.BlockDevice, entryName, st);
                device.DeviceMajor = (int)st.RdevMajor;
                device.DeviceMinor = (int)st.RdevMinor;
                await tar.WriteEntryAsync(device, cancellationToken).ConfigureAwait(false);
                break;
            case Libc.S_IFIFO:
                await tar.WriteEntryAsync(NewEntry(TarEntryType.Fifo, entryName, st), cancellationToken).ConfigureAwait(false);
                break;
            default:
                break; // sockets exist only while their owner runs
        }
    }

    private static PaxTarEntry NewEntry(TarEntryType type, string name, Libc.FileStatus st) => new(type, name)
    {
        Mode = (UnixFileMode)(st.Mode & 0xFFF),
        Uid = (int)st.Uid,
        Gid = (int)st.Gid,
        ModificationTime = DateTimeOffset.FromUnixTimeSeconds(st.Mtime.Seconds).AddTicks(st.Mtime.Nanoseconds / 100),
    };
}
