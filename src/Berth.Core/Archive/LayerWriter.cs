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
    /// <summary>
    /// Writes the tree under <paramref name="root"/>. With <paramref name="mirror"/> (an empty directory) the tree is
    /// also copied there in the same pass, whiteouts and opaque markers included: each file is read once for both.
    /// </summary>
    public static async Task<LayerWriteResult> WriteAsync(string root, Stream output, CancellationToken cancellationToken, string? mirror = null)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var state = new WriteState(new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            Mirror = mirror is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(mirror)),
        };
        await using (state.Writer.ConfigureAwait(false))
        {
            await WriteDirectoryAsync(state, root, "", cancellationToken).ConfigureAwait(false);
        }
        // Directory times last: creating children changed them.
        for (var i = state.MirroredDirectories.Count - 1; i >= 0; i--)
            SetTimes(state.MirroredDirectories[i].Path, state.MirroredDirectories[i].Mtime);
        return new LayerWriteResult(state.Entries, state.Size);
    }

    private static async Task WriteDirectoryAsync(WriteState state, string directory, string prefix, CancellationToken cancellationToken)
    {
        foreach (var name in FileTarEntries.SortedNames(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = directory + "/" + name;
            var entryName = prefix + name;
            if (Libc.LstatOrNull(path) is not { } st) continue; // removed while we walk
            await WriteEntryAsync(state, path, entryName, st, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteEntryAsync(WriteState state, string path, string name, Libc.FileStatus st, CancellationToken cancellationToken)
    {
        switch (st.FileType)
        {
            case Libc.S_IFDIR:
                await AddAsync(state, FileTarEntries.Create(TarEntryType.Directory, name + "/", st), cancellationToken).ConfigureAwait(false);
                var opaqueDirectory = IsOpaque(path);
                if (state.Mirror is not null)
                {
                    var copy = state.Mirror + "/" + name;
                    Errno.ThrowIfError(Libc.Mkdir(copy, 0x1c0), "mkdir", copy);
                    CopyMetadata(copy, st, isLink: false);
                    if (opaqueDirectory) Errno.ThrowIfError(Libc.Lsetxattr(copy, LayerApplier.OverlayOpaqueXattr, "y"u8, 1, 0), "lsetxattr", copy);
                    state.MirroredDirectories.Add((copy, st.Mtime));
                }
                if (opaqueDirectory)
                {
                    var opaque = new PaxTarEntry(TarEntryType.RegularFile, name + "/" + LayerApplier.OpaqueWhiteout) { ModificationTime = FileTarEntries.Mtime(st) };
                    await AddAsync(state, opaque, cancellationToken).ConfigureAwait(false);
                }
                await WriteDirectoryAsync(state, path, name + "/", cancellationToken).ConfigureAwait(false);
                break;
            case Libc.S_IFCHR when st.RdevMajor == 0 && st.RdevMinor == 0:
            {
                var slash = name.LastIndexOf('/');
                var whiteout = name[..(slash + 1)] + LayerApplier.WhiteoutPrefix + name[(slash + 1)..];
                if (state.Mirror is not null) MirrorNode(state.Mirror + "/" + name, st);
                await AddAsync(state, new PaxTarEntry(TarEntryType.RegularFile, whiteout) { ModificationTime = FileTarEntries.Mtime(st) }, cancellationToken).ConfigureAwait(false);
                break;
            }
            case Libc.S_IFREG:
            {
                if (FileTarEntries.HardLink(state.Inodes, name, st) is { } link)
                {
                    if (state.Mirror is not null)
                        Errno.ThrowIfError(Libc.Link(state.Mirror + "/" + link.LinkName, state.Mirror + "/" + name), "link", name);
                    await AddAsync(state, link, cancellationToken).ConfigureAwait(false);
                    break;
                }
                // Read (and mirrored) synchronously through TeeReadStream: no thread-pool hop per 128 KiB piece.
                var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    var entry = FileTarEntries.Create(TarEntryType.RegularFile, name, st);
                    state.Size += file.Length;
                    if (state.Mirror is null)
                    {
                        entry.DataStream = new TeeReadStream(file, null);
                        await AddAsync(state, entry, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    var copyPath = state.Mirror + "/" + name;
                    var copy = new FileStream(copyPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
                    await using (copy.ConfigureAwait(false))
                    {
                        entry.DataStream = new TeeReadStream(file, copy);
                        await AddAsync(state, entry, cancellationToken).ConfigureAwait(false);
                    }
                    CopyMetadata(copyPath, st, isLink: false);
                    SetTimes(copyPath, st.Mtime);
                }
                break;
            }
            default:
            {
                if (FileTarEntries.Node(path, name, st) is not { } node) break; // sockets do not travel in layers
                if (state.Mirror is not null && st.FileType == Libc.S_IFLNK)
                {
                    var copy = state.Mirror + "/" + name;
                    File.CreateSymbolicLink(copy, node.LinkName);
                    CopyMetadata(copy, st, isLink: true);
                    SetTimes(copy, st.Mtime);
                }
                else if (state.Mirror is not null) MirrorNode(state.Mirror + "/" + name, st);
                await AddAsync(state, node, cancellationToken).ConfigureAwait(false);
                break;
            }
        }
    }

    private static void MirrorNode(string copy, Libc.FileStatus st)
    {
        Errno.ThrowIfError(Libc.Mknod(copy, st.Mode, Libc.MakeDev(st.RdevMajor, st.RdevMinor)), "mknod", copy);
        CopyMetadata(copy, st, isLink: false);
    }

    private static void CopyMetadata(string copy, Libc.FileStatus st, bool isLink)
    {
        // Owner first: chown clears set-id bits, chmod then restores them.
        Errno.ThrowIfError(Libc.Lchown(copy, (int)st.Uid, (int)st.Gid), "lchown", copy);
        if (!isLink) Errno.ThrowIfError(Libc.Chmod(copy, (uint)(st.Mode & 0xfff)), "chmod", copy);
    }

    private static void SetTimes(string path, Libc.StatxTimestamp mtime)
    {
        var ts = new Libc.Timespec { Seconds = mtime.Seconds, Nanoseconds = mtime.Nanoseconds };
        ReadOnlySpan<Libc.Timespec> times = [ts, ts];
        Errno.ThrowIfError(Libc.Utimensat(Libc.AT_FDCWD, path, times, Libc.AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    private static async Task AddAsync(WriteState state, PaxTarEntry entry, CancellationToken cancellationToken)
    {
        await state.Writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        state.Entries++;
    }

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
        public string? Mirror { get; init; }
        public List<(string Path, Libc.StatxTimestamp Mtime)> MirroredDirectories { get; } = [];
    }
}
