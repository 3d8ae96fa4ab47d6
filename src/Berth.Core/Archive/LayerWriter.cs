using System.Formats.Tar;
using Berth.Core.Interop;

namespace Berth.Core.Archive;

/// <summary>
/// The inverse of <see cref="LayerApplier"/>: writes an overlayfs upper directory as a layer tar (PAX,
/// image-spec layer.md). Overlay whiteouts become tar whiteouts: a 0/0 character device <c>NAME</c> is written
/// as an empty file <c>.wh.NAME</c>, a directory with <c>trusted.overlay.opaque=y</c> gets a
/// <c>.wh..wh..opq</c> entry after it. Entries are sorted by name so equal trees give equal bytes; files
/// sharing an inode after the first become hard links. Symlinks are written, never followed.
/// </summary>
public static class LayerWriter
{
    /// <summary>Writes the tree under <paramref name="root"/>.</summary>
    public static async Task<LayerWriteResult> WriteAsync(string root, Stream output, CancellationToken cancellationToken)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var state = new WriteState(new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true));
        await using (state.Writer.ConfigureAwait(false))
        {
            await WriteDirectoryAsync(state, root, "", cancellationToken).ConfigureAwait(false);
        }
        return new LayerWriteResult(state.Entries, state.Size);
    }

    private static async Task WriteDirectoryAsync(WriteState state, string directory, string prefix, CancellationToken cancellationToken)
    {
        var names = Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = directory + "/" + name;
            var entryName = prefix + name;
            if (Libc.LstatOrNull(path) is not { } st) continue; // removed while we walk
            await WriteEntryAsync(state, path, entryName!, st, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteEntryAsync(WriteState state, string path, string name, Libc.FileStatus st, CancellationToken cancellationToken)
    {
        switch (st.FileType)
        {
            case Libc.S_IFDIR:
                await AddAsync(state, Entry(TarEntryType.Directory, name + "/", st), cancellationToken).ConfigureAwait(false);
                if (IsOpaque(path))
                {
                    var opaque = new PaxTarEntry(TarEntryType.RegularFile, name + "/" + LayerApplier.OpaqueWhiteout) { ModificationTime = Mtime(st) };
                    await AddAsync(state, opaque, cancellationToken).ConfigureAwait(false);
                }
                await WriteDirectoryAsync(state, path, name + "/", cancellationToken).ConfigureAwait(false);
                break;
            case Libc.S_IFCHR when st.RdevMajor == 0 && st.RdevMinor == 0:
            {
                var slash = name.LastIndexOf('/');
                var whiteout = name[..(slash + 1)] + LayerApplier.WhiteoutPrefix + name[(slash + 1)..];
                await AddAsync(state, new PaxTarEntry(TarEntryType.RegularFile, whiteout) { ModificationTime = Mtime(st) }, cancellationToken).ConfigureAwait(false);
                break;
            }
            case Libc.S_IFREG:
            {
                if (st.Nlink > 1)
                {
                    var inode = (st.DevMajor, st.DevMinor, st.Ino);
                    if (state.Inodes.TryGetValue(inode, out var first))
                    {
                        var link = Entry(TarEntryType.HardLink, name, st);
                        link.LinkName = first;
                        await AddAsync(state, link, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    state.Inodes[inode] = name;
                }
                var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    var entry = Entry(TarEntryType.RegularFile, name, st);
                    entry.DataStream = file;
                    state.Size += file.Length;
                    await AddAsync(state, entry, cancellationToken).ConfigureAwait(false);
                }
                break;
            }
            case Libc.S_IFLNK:
            {
                var entry = Entry(TarEntryType.SymbolicLink, name, st);
                entry.LinkName = new FileInfo(path).LinkTarget ?? "";
                await AddAsync(state, entry, cancellationToken).ConfigureAwait(false);
                break;
            }
            case Libc.S_IFCHR or Libc.S_IFBLK:
            {
                var entry = Entry(st.FileType == Libc.S_IFCHR ? TarEntryType.CharacterDevice : TarEntryType.BlockDevice, name, st);
                entry.DeviceMajor = (int)st.RdevMajor;
                entry.DeviceMinor = (int)st.RdevMinor;
                await AddAsync(state, entry, cancellationToken).ConfigureAwait(false);
                break;
            }
            case Libc.S_IFIFO:
                await AddAsync(state, Entry(TarEntryType.Fifo, name, st), cancellationToken).ConfigureAwait(false);
                break;
            default:
                break; // sockets do not travel in layers
        }
    }

    private static async Task AddAsync(WriteState state, PaxTarEntry entry, CancellationToken cancellationToken)
    {
        await state.Writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        state.Entries++;
    }

    private static PaxTarEntry Entry(TarEntryType type, string name, Libc.FileStatus st) => new(type, name)
    {
        Mode = (UnixFileMode)(st.Mode & 0xfff),
        Uid = (int)st.Uid,
        Gid = (int)st.Gid,
        ModificationTime = Mtime(st),
    };

    private static DateTimeOffset Mtime(Libc.FileStatus st) =>
        DateTimeOffset.FromUnixTimeSeconds(st.Mtime.Seconds).AddTicks(st.Mtime.Nanoseconds / 100);

    /// <summary>Whether overlayfs marks the directory opaque (hides all lower children).</summary>
    public static bool IsOpaque(string directory)
    {
        Span<byte> value = stackalloc byte[4];
        var n = Libc.Lgetxattr(directory, LayerApplier.OverlayOpaqueXattr, value, (nuint)value.Length);
        return n == 1 && value[0] == (byte)'y';
    }

    private sealed class WriteState(TarWriter writer)
    {
        public TarWriter Writer { get; } = writer;
        public int Entries { get; set; }
        public long Size { get; set; }
        public Dictionary<(uint, uint, ulong), string> Inodes { get; } = [];
    }
}
