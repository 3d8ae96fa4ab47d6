using System.Buffers;
using System.Formats.Tar;
using System.Text.RegularExpressions;
using Berth.Core;
using Berth.Core.Buffers;
using Berth.Core.Archive;
using Berth.Core.Content;

namespace Berth.Engine.Archives;

/// <summary>
/// Reads an image archive in one pass, whatever order its entries come in: the metadata files
/// (<c>manifest.json</c>, <c>index.json</c>, <c>oci-layout</c>, <c>repositories</c>) into memory, every other
/// regular file straight from the tar into a content-store ingest (never whole into memory). Files under
/// <c>blobs/sha256/</c> must match the digest in their name. On failure the blobs it added are deleted.
/// </summary>
public static partial class ArchiveReader
{
    public const string ManifestJson = "manifest.json";
    public const string IndexJson = "index.json";
    public const string OciLayout = "oci-layout";
    public const string Repositories = "repositories";

    private const int MaxMetadataSize = 64 << 20;

    public static async Task<ArchiveContents> ReadAsync(Stream archive, IContentStore content, CancellationToken cancellationToken)
    {
        var contents = new ArchiveContents();
        try
        {
            var tar = await Decompressor.OpenAsync(archive, cancellationToken, leaveOpen: true).ConfigureAwait(false);
            await using (tar.ConfigureAwait(false))
            {
                var reader = new TarReader(tar, leaveOpen: true);
                await using (reader.ConfigureAwait(false))
                {
                    var commits = new PendingCommits(contents);
                    try
                    {
                        while (await NextEntryAsync(reader, cancellationToken).ConfigureAwait(false) is { } entry)
                            await ReadEntryAsync(entry, contents, content, commits, cancellationToken).ConfigureAwait(false);
                        await commits.DrainAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        // Commits still running on failure end before their blobs are taken out again.
                        await commits.DrainQuietlyAsync().ConfigureAwait(false);
                    }
                }
            }
            return contents;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException)
        {
            await contents.RemoveNewBlobsAsync(content, new HashSet<Digest>()).ConfigureAwait(false);
            throw BerthException.Invalid($"invalid archive: not a readable tar: {e.Message}");
        }
        catch
        {
            await contents.RemoveNewBlobsAsync(content, new HashSet<Digest>()).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<TarEntry?> NextEntryAsync(TarReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw BerthException.Invalid("invalid archive: unexpected end of the tar stream");
        }
    }

    private static async Task ReadEntryAsync(TarEntry entry, ArchiveContents contents, IContentStore content, PendingCommits commits,
        CancellationToken cancellationToken)
    {
        var path = ArchivePath.Normalize(entry.Name);
        switch (entry.EntryType)
        {
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                if (path is ManifestJson or IndexJson or OciLayout or Repositories)
                    contents.Metadata[path] = await ReadSmallAsync(entry, path, cancellationToken).ConfigureAwait(false);
                else if (path.Length > 0)
                    await IngestAsync(entry, path, content, commits, cancellationToken).ConfigureAwait(false);
                break;
            case TarEntryType.SymbolicLink:
                contents.Links[path] = ArchivePath.ResolveLink(path, entry.LinkName);
                break;
            case TarEntryType.HardLink:
                contents.Links[path] = ArchivePath.Normalize(entry.LinkName);
                break;
            default:
                // Directories, PAX global headers and special files carry nothing an image needs.
                break;
        }
    }

    private static async Task<byte[]> ReadSmallAsync(TarEntry entry, string path, CancellationToken cancellationToken)
    {
        if (entry.Length > MaxMetadataSize) throw BerthException.Invalid($"invalid archive: {path} is too large ({entry.Length} bytes)");
        if (entry.DataStream is null) return [];
        using var memory = new MemoryStream((int)entry.Length);
        await entry.DataStream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    /// <summary>
    /// Writes the entry into an ingest, hashing as it goes, and checks it against the digest in its name; the
    /// commit (fsync, rename) then runs in <paramref name="commits"/> while the next entries are read.
    /// </summary>
    private static async Task IngestAsync(TarEntry entry, string path, IContentStore content, PendingCommits commits,
        CancellationToken cancellationToken)
    {
        Digest? named = BlobPathPattern().Match(path) is { Success: true } m ? Digest.Parse("sha256:" + m.Groups[1].Value) : null;
        var reference = $"load-{Guid.NewGuid():N}";
        var handedOver = false;
        try
        {
            var writer = await content.OpenWriterAsync(reference, cancellationToken).ConfigureAwait(false);
            try
            {
                var compression = Compression.None;
                if (entry.DataStream is { } data)
                {
                    // The archive is read into one block while the previous one is hashed and written.
                    var first = true;
                    await PipelinedCopy.CopyAsync(data, async (block, ct) =>
                    {
                        if (first) compression = Decompressor.Detect(block.Span);
                        first = false;
                        await writer.WriteAsync(block, ct).ConfigureAwait(false);
                    }, limit: -1, PipelinedCopy.DefaultBlockSize, cancellationToken).ConfigureAwait(false);
                }
                var digest = writer.CurrentDigest;
                if (named is { } expected && expected != digest)
                    throw BerthException.Invalid($"invalid archive: {path} does not match its digest: its content is {digest}");
                await commits.StartAsync(path, digest, compression, content, writer, reference, cancellationToken).ConfigureAwait(false);
                handedOver = true;
            }
            finally
            {
                if (!handedOver) await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (!handedOver) await content.AbortAsync(reference, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^blobs/sha256/([a-f0-9]{64})$")]
    private static partial Regex BlobPathPattern();
}
