using System.Formats.Tar;
using System.Security.Cryptography;
using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Interop;

namespace Berth.Engine.Build;

/// <summary>
/// The build context as <c>POST /build</c> sends it, read once: the tar's bytes are kept (a <see cref="ContextSpool"/>) while a skeleton of it is made on disk — directories,
/// symlinks, hard links, owners and modes, small files with their contents, larger ones as sparse files of
/// their size. The skeleton answers everything a build asks before it needs file contents (COPY source
/// resolution, globs, <c>.dockerignore</c>, the cache checksum, whose per-file digests are hashed from the kept
/// bytes). Only a COPY/ADD step that misses the cache unpacks the tar for real (<see cref="MaterializeAsync"/>),
/// so a fully cached rebuild never writes the context's data to disk.
/// </summary>
public sealed class ContextArchive : IDisposable
{
    /// <summary>Files up to this size are written into the skeleton with their contents (the Dockerfile, .dockerignore).</summary>
    public const long InlineLimit = 256 << 10;

    private readonly string _directory;
    private readonly Dictionary<ulong, (long Offset, long Length)> _files = [];
    private readonly Dictionary<ulong, byte[]> _digests = [];
    private readonly HashSet<ulong> _hollow = [];
    private readonly ContextSpool _spool;
    private string? _materialized;

    private ContextArchive(string directory)
    {
        _directory = directory;
        Skeleton = Path.Combine(directory, "skeleton");
        Directory.CreateDirectory(Skeleton);
        _spool = new ContextSpool(directory);
    }

    /// <summary>The skeleton's root directory.</summary>
    public string Skeleton { get; }

    public static async Task<ContextArchive> ReadAsync(Stream tar, string parentDirectory, CancellationToken cancellationToken)
    {
        var context = new ContextArchive(Path.Combine(parentDirectory, Guid.NewGuid().ToString("N")));
        try
        {
            var tee = new SpoolingReadStream(tar, context);
            await using var reader = new TarReader(tee, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                await context.AddAsync(entry, cancellationToken).ConfigureAwait(false);
            // The rest (end-of-archive blocks) goes to the spool too: the materialized copy reads a whole tar.
            await tee.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The SHA-256 of a regular file of the skeleton (by its lstat), from the kept bytes; null for a file that is
    /// not one of the archive's (the caller reads it).
    /// </summary>
    public byte[]? Digest(Libc.FileStatus st)
    {
        if (_materialized is not null || !_files.TryGetValue(st.Ino, out var slice) || (ulong)slice.Length != st.Size) return null;
        if (_digests.TryGetValue(st.Ino, out var known)) return known;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _spool.Hash(hash, slice.Offset, slice.Length);
        return _digests[st.Ino] = hash.GetHashAndReset();
    }

    /// <summary>Whether a skeleton path is a file whose contents were left out (it must be materialized to be read).</summary>
    public bool IsHollow(string path) => _materialized is null && Libc.LstatOrNull(path) is { FileType: Libc.S_IFREG } st && _hollow.Contains(st.Ino);

    /// <summary>The context unpacked for real (once): a directory beside the skeleton, with the same tree.</summary>
    public async Task<string> MaterializeAsync(CancellationToken cancellationToken)
    {
        if (_materialized is not null) return _materialized;
        var root = Path.Combine(_directory, "context");
        Directory.CreateDirectory(root);
        var tar = _spool.OpenRead();
        await using (tar.ConfigureAwait(false))
            await LayerApplier.ApplyAsync(tar, root, TarExtractOptions.Layer with { Whiteouts = false }, cancellationToken).ConfigureAwait(false);
        _materialized = root;
        return root;
    }

    public void Dispose()
    {
        _spool.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private async Task AddAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        var components = RootedPath.Clean(entry.Name);
        if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile && components.Count > 0)
        {
            var path = Place(components);
            var start = _spool.Length;
            var inline = entry.Length <= InlineLimit;
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            using (file)
            {
                if (entry.DataStream is { } data)
                {
                    if (inline) await data.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                    else await data.CopyToAsync(Stream.Null, 1 << 20, cancellationToken).ConfigureAwait(false);
                }
                if (!inline) file.SetLength(entry.Length);
            }
            // The data is the last entry.Length bytes the spool got (the reader does not read ahead of it).
            var offset = _spool.Length - entry.Length;
            if (offset < start) throw BerthException.Invalid($"build context: unexpected layout of {entry.Name}");
            SetOwnerAndMode(path, entry, link: false);
            var ino = Libc.LstatOrNull(path)!.Value.Ino;
            _files[ino] = (offset, entry.Length);
            if (inline) _hollow.Remove(ino);
            else _hollow.Add(ino);
            return;
        }
        if (entry.DataStream is { } rest) await rest.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
            {
                var path = components.Count == 0 ? Skeleton : DirectoryPath(components);
                SetOwnerAndMode(path, entry, link: false);
                break;
            }
            case TarEntryType.SymbolicLink when components.Count > 0:
            {
                var path = Place(components);
                File.CreateSymbolicLink(path, entry.LinkName);
                SetOwnerAndMode(path, entry, link: true);
                break;
            }
            case TarEntryType.HardLink when components.Count > 0:
            {
                var linkComponents = RootedPath.Clean(entry.LinkName);
                var parent = linkComponents.Count == 0 ? null : RootedPath.ResolveParent(Skeleton, linkComponents, create: false);
                var target = parent is null ? null : parent + "/" + linkComponents[^1];
                if (target is null || Libc.LstatOrNull(target) is not { } st || st.FileType == Libc.S_IFDIR)
                    throw BerthException.Invalid($"build context: hardlink {entry.Name} -> {entry.LinkName}: target is not in the context");
                var path = Place(components);
                if (path != target) Errno.ThrowIfError(Libc.Link(target, path), "link", $"{target} {path}");
                break;
            }
            default:
                break; // devices, fifos, PAX globals: a build never copies them
        }
    }

    /// <summary>The path for a new non-directory entry: parents made, whatever was there removed.</summary>
    private string Place(List<string> components)
    {
        var path = RootedPath.ResolveParent(Skeleton, components, create: true) + "/" + components[^1];
        if (Libc.LstatOrNull(path) is { } existing)
        {
            if (existing.FileType == Libc.S_IFDIR) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        return path;
    }

    private string DirectoryPath(List<string> components)
    {
        var path = RootedPath.ResolveParent(Skeleton, components, create: true) + "/" + components[^1];
        var existing = Libc.LstatOrNull(path);
        if (existing is { FileType: Libc.S_IFDIR }) return path;
        if (existing is not null) File.Delete(path);
        Errno.ThrowIfError(Libc.Mkdir(path, RootedPath.DefaultDirectoryMode), "mkdir", path);
        return path;
    }

    private static void SetOwnerAndMode(string path, TarEntry entry, bool link)
    {
        Errno.ThrowIfError(Libc.Lchown(path, entry.Uid, entry.Gid), "lchown", path);
        if (!link) Errno.ThrowIfError(Libc.Chmod(path, (uint)entry.Mode & 0xfff), "chmod", path);
    }

    /// <summary>Reads the request body and keeps every byte read in the context's spool (memory, then a file).</summary>
    private sealed class SpoolingReadStream(Stream source, ContextArchive owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = source.Read(buffer, offset, count);
            owner.Keep(buffer.AsSpan(offset, n));
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            owner.Keep(buffer.Span[..n]);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private void Keep(ReadOnlySpan<byte> bytes) => _spool.Write(bytes);
}
