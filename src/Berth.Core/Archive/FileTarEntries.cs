using System.Formats.Tar;
using Berth.Core.Interop;

namespace Berth.Core.Archive;

/// <summary>
/// What <see cref="LayerWriter"/> and <see cref="DirectoryTarWriter"/> share: tar entries made from a file's
/// lstat (owner, mode with set-id/sticky bits, modification time), hard-link detection by inode, the entries of
/// symlinks, devices and fifos, and the sorted walk order.
/// </summary>
internal static class FileTarEntries
{
    /// <summary>A PAX entry of <paramref name="type"/> named <paramref name="name"/> with the file's owner, mode and mtime.</summary>
    public static PaxTarEntry Create(TarEntryType type, string name, Libc.FileStatus st) => new(type, name)
    {
        Mode = (UnixFileMode)(st.Mode & 0xfff),
        Uid = (int)st.Uid,
        Gid = (int)st.Gid,
        ModificationTime = Mtime(st),
    };

    public static DateTimeOffset Mtime(Libc.FileStatus st) =>
        DateTimeOffset.FromUnixTimeSeconds(st.Mtime.Seconds).AddTicks(st.Mtime.Nanoseconds / 100);

    /// <summary>The names in <paramref name="directory"/>, sorted ordinally (equal trees give equal tars).</summary>
    public static string[] SortedNames(string directory)
    {
        var names = Directory.GetFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// A hard-link entry to the first name seen for the file's inode, or null when this is the first name (then it
    /// is remembered in <paramref name="inodes"/>) or the file has one name only.
    /// </summary>
    public static PaxTarEntry? HardLink(Dictionary<(uint, uint, ulong), string> inodes, string name, Libc.FileStatus st)
    {
        if (st.Nlink <= 1) return null;
        var inode = (st.DevMajor, st.DevMinor, st.Ino);
        if (!inodes.TryGetValue(inode, out var first))
        {
            inodes[inode] = name;
            return null;
        }
        var link = Create(TarEntryType.HardLink, name, st);
        link.LinkName = first;
        return link;
    }

    /// <summary>The entry of a symlink (target as it is), character or block device, or fifo; null for other types (sockets).</summary>
    public static PaxTarEntry? Node(string path, string name, Libc.FileStatus st)
    {
        switch (st.FileType)
        {
            case Libc.S_IFLNK:
                var symlink = Create(TarEntryType.SymbolicLink, name, st);
                symlink.LinkName = new FileInfo(path).LinkTarget ?? "";
                return symlink;
            case Libc.S_IFCHR or Libc.S_IFBLK:
                var device = Create(st.FileType == Libc.S_IFCHR ? TarEntryType.CharacterDevice : TarEntryType.BlockDevice, name, st);
                device.DeviceMajor = (int)st.RdevMajor;
                device.DeviceMinor = (int)st.RdevMinor;
                return device;
            case Libc.S_IFIFO:
                return Create(TarEntryType.Fifo, name, st);
            default:
                return null;
        }
    }
}
