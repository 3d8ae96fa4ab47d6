using System.Formats.Tar;
using System.Text;
using Berth.Core.Interop;

namespace Berth.Core.Archive;

/// <summary>
/// Applies a layer tar (image-spec layer.md) into a directory that becomes an overlayfs upper/lower dir.
/// Every path is resolved inside the root (<see cref="RootedPath"/>): <c>..</c> and absolute names are contained,
/// symlinks are followed only within the root while creating parents, and the final component is never followed
/// (it is replaced). Whiteouts become overlayfs whiteouts: <c>.wh.NAME</c> a 0/0 character device,
/// <c>.wh..wh..opq</c> the <c>trusted.overlay.opaque=y</c> xattr on its directory. Device nodes and fifos are
/// created (berthd runs as root); sparse and multi-volume entries are skipped and reported.
/// </summary>
public static class LayerApplier
{
    public const string WhiteoutPrefix = ".wh.";
    public const string OpaqueWhiteout = ".wh..wh..opq";
    public const string OverlayOpaqueXattr = "trusted.overlay.opaque";
    private const string PaxXattrPrefix = "SCHILY.xattr.";
    private const int MaxReportedSkips = 20;
    /// <summary>Large copies: each async file write is a thread-pool hop.</summary>
    private const int CopyBufferSize = 1 << 20;

    public static Task<TarApplyResult> ApplyAsync(Stream tar, string root, CancellationToken cancellationToken) =>
        ApplyAsync(tar, root, TarExtractOptions.Layer, cancellationToken);

    public static async Task<TarApplyResult> ApplyAsync(Stream tar, string root, TarExtractOptions options, CancellationToken cancellationToken)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(root)) throw BerthException.NotFound($"layer root {root} does not exist");
        var state = new ApplyState(root, options);
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            state.Entries++;
            await ApplyEntryAsync(state, entry, cancellationToken).ConfigureAwait(false);
        }
        // Directory times last: creating children changed them (in reverse, children before parents).
        for (var i = state.Directories.Count - 1; i >= 0; i--) SetTimes(state.Directories[i].Path, state.Directories[i].Modified);
        return new TarApplyResult(state.Size, state.Entries, state.Skipped, state.SkippedNames);
    }

    private static async Task ApplyEntryAsync(ApplyState state, TarEntry entry, CancellationToken cancellationToken)
    {
        var components = state.Components(entry.Name);
        if (components.Count == 0)
        {
            if (entry.EntryType == TarEntryType.Directory) ApplyMetadata(state, state.Root, entry, isDirectory: true);
            else state.Skip(entry.Name);
            return;
        }
        var baseName = components[^1];
        if (state.Options.Whiteouts && baseName.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            ApplyWhiteout(state, components, baseName);
            return;
        }
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
            {
                var path = FinalPath(state.Root, components);
                var st = Libc.LstatOrNull(path);
                if (st is not { FileType: Libc.S_IFDIR })
                {
                    if (st is not null && state.Options.NoOverwriteDirNonDir)
                        throw BerthException.Invalid($"cannot overwrite non-directory {string.Join('/', components)} with directory");
                    RemoveExisting(path);
                    Errno.ThrowIfError(Libc.Mkdir(path, RootedPath.DefaultDirectoryMode), "mkdir", path);
                }
                ApplyMetadata(state, path, entry, isDirectory: true);
                break;
            }
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
            {
                var path = FinalPath(state.Root, components);
                RemoveExisting(state, path, components);
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    if (entry.DataStream is { } data) await data.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                }
                state.Size += entry.Length;
                ApplyMetadata(state, path, entry, isDirectory: false);
                break;
            }
            case TarEntryType.SymbolicLink:
            {
                var path = FinalPath(state.Root, components);
                RemoveExisting(state, path, components);
                File.CreateSymbolicLink(path, entry.LinkName);
                ApplyMetadata(state, path, entry, isDirectory: false, isSymlink: true);
                break;
            }
            case TarEntryType.HardLink:
                ApplyHardLink(state, components, entry);
                break;
            case TarEntryType.GlobalExtendedAttributes:
                break;
            case TarEntryType.Fifo or TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
            {
                // berthd runs as root, as dockerd does: device nodes and fifos of a layer (or a commit) are created.
                var path = FinalPath(state.Root, components);
                RemoveExisting(state, path, components);
                var (type, device) = entry switch
                {
                    { EntryType: TarEntryType.Fifo } => (Libc.S_IFIFO, 0UL),
                    PosixTarEntry posix => (entry.EntryType == TarEntryType.CharacterDevice ? Libc.S_IFCHR : Libc.S_IFBLK,
                        Libc.MakeDev((uint)posix.DeviceMajor, (uint)posix.DeviceMinor)),
                    _ => (Libc.S_IFCHR, 0UL),
                };
                Errno.ThrowIfError(Libc.Mknod(path, type | 0x180, device), "mknod", path);
                ApplyMetadata(state, path, entry, isDirectory: false);
                break;
            }
            default:
                // Sparse and multi-volume entries: a layer may not create them here.
                state.Skip(entry.Name);
                break;
        }
    }

    private static void ApplyHardLink(ApplyState state, List<string> components, TarEntry entry)
    {
        var linkComponents = state.Components(entry.LinkName);
        if (linkComponents.Count == 0) throw BerthException.Invalid($"invalid hardlink {entry.Name} -> {entry.LinkName}");
        var linkParent = RootedPath.ResolveParent(state.Root, linkComponents, create: false);
        var target = linkParent is null ? null : linkParent + "/" + linkComponents[^1];
        var st = target is null ? null : Libc.LstatOrNull(target);
        if (target is null || st is null)
            throw BerthException.Invalid($"hardlink {entry.Name} -> {entry.LinkName}: target is not in the layer");
        if (st.Value.FileType == Libc.S_IFDIR)
            throw BerthException.Invalid($"hardlink {entry.Name} -> {entry.LinkName}: target is a directory");
        var path = FinalPath(state.Root, components);
        if (path == target) return;
        RemoveExisting(state, path, components);
        Errno.ThrowIfError(Libc.Link(target, path), "link", $"{target} {path}");
    }

    private static void ApplyWhiteout(ApplyState state, List<string> components, string baseName)
    {
        var parent = RootedPath.ResolveParent(state.Root, components, create: true)!;
        if (baseName == OpaqueWhiteout)
        {
            // layer.md "Opaque Whiteout": hides all lower children of the directory.
            Errno.ThrowIfError(Libc.Lsetxattr(parent, OverlayOpaqueXattr, "y"u8, 1, 0), "lsetxattr", parent);
            return;
        }
        var victim = baseName[WhiteoutPrefix.Length..];
        if (victim.Length == 0 || victim is "." or "..")
            throw BerthException.Invalid($"invalid whiteout entry {string.Join('/', components)}");
        var path = parent + "/" + victim;
        // layer.md: a whiteout hides lower layers only; something this layer created stays.
        if (Libc.LstatOrNull(path) is not null) return;
        Errno.ThrowIfError(Libc.Mknod(path, Libc.S_IFCHR, Libc.MakeDev(0, 0)), "mknod", path);
    }

    /// <summary>The path of the last component, its parents created (inside the root) as needed.</summary>
    private static string FinalPath(string root, List<string> components) =>
        RootedPath.ResolveParent(root, components, create: true) + "/" + components[^1];

    /// <summary>Removes a non-directory's target path; a directory there only when the options allow.</summary>
    private static void RemoveExisting(ApplyState state, string path, List<string> components)
    {
        if (state.Options.NoOverwriteDirNonDir && Libc.LstatOrNull(path) is { FileType: Libc.S_IFDIR })
            throw BerthException.Invalid($"cannot overwrite directory {string.Join('/', components)} with non-directory");
        RemoveExisting(path);
    }

    /// <summary>Removes whatever is at <paramref name="path"/> without following a symlink there.</summary>
    private static void RemoveExisting(string path)
    {
        var st = Libc.LstatOrNull(path);
        if (st is null) return;
        if (st.Value.FileType == Libc.S_IFDIR) Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }

    private static void ApplyMetadata(ApplyState state, string path, TarEntry entry, bool isDirectory, bool isSymlink = false)
    {
        // Owner first: chown clears set-id bits, chmod then restores them.
        var (uid, gid) = state.Options.Owner ?? (entry.Uid, entry.Gid);
        Errno.ThrowIfError(Libc.Lchown(path, uid, gid), "lchown", path);
        if (!isSymlink) Errno.ThrowIfError(Libc.Chmod(path, (uint)entry.Mode & 0xfff), "chmod", path);
        if (entry is PaxTarEntry pax) ApplyXattrs(state, path, pax);
        if (isDirectory) state.Directories.Add((path, entry.ModificationTime));
        else SetTimes(path, entry.ModificationTime);
    }

    private static void ApplyXattrs(ApplyState state, string path, PaxTarEntry entry)
    {
        foreach (var (key, value) in entry.ExtendedAttributes)
        {
            if (!key.StartsWith(PaxXattrPrefix, StringComparison.Ordinal)) continue;
            var name = key[PaxXattrPrefix.Length..];
            // Overlay's own attributes would let a layer forge whiteouts; values that did not survive text
            // decoding (binary capabilities) would be corrupt.
            if (name.StartsWith("trusted.overlay.", StringComparison.Ordinal) || value.Contains('\uFFFD'))
            {
                state.Skip($"{entry.Name} xattr {name}");
                continue;
            }
            var bytes = Encoding.UTF8.GetBytes(value);
            if (Libc.Lsetxattr(path, name, bytes, (nuint)bytes.Length, 0) < 0) state.Skip($"{entry.Name} xattr {name}");
        }
    }

    private static void SetTimes(string path, DateTimeOffset modified)
    {
        var ticks = modified.ToUnixTimeMilliseconds();
        var ts = new Libc.Timespec { Seconds = Math.DivRem(ticks, 1000, out var ms), Nanoseconds = ms * 1_000_000 };
        if (ts.Nanoseconds < 0)
        {
            ts.Seconds -= 1;
            ts.Nanoseconds += 1_000_000_000;
        }
        ReadOnlySpan<Libc.Timespec> times = [ts, ts];
        Errno.ThrowIfError(Libc.Utimensat(Libc.AT_FDCWD, path, times, Libc.AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    private sealed class ApplyState(string root, TarExtractOptions options)
    {
        public string Root { get; } = root;
        public TarExtractOptions Options { get; } = options;

        /// <summary>An entry name's components below the base directory (cleaned first: contained there).</summary>
        public List<string> Components(string name)
        {
            var components = RootedPath.Clean(Options.Rename(name));
            if (Options.BaseComponents.Count > 0) components.InsertRange(0, Options.BaseComponents);
            return components;
        }
        public long Size { get; set; }
        public int Entries { get; set; }
        public int Skipped { get; private set; }
        public List<string> SkippedNames { get; } = [];
        public List<(string Path, DateTimeOffset Modified)> Directories { get; } = [];

        public void Skip(string name)
        {
            Skipped++;
            if (SkippedNames.Count < MaxReportedSkips) SkippedNames.Add(name);
        }
    }
}
