using System.IO.Compression;

namespace Berth.Core.Archive;

/// <summary>
/// Opens a possibly compressed archive as its uncompressed bytes, choosing by magic number: plain and gzip in
/// process; bzip2, xz and zstd through the <c>bzip2</c>, <c>xz</c>, <c>zstd</c> programs when installed.
/// </summary>
public static class Decompressor
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] Bzip2Magic = [(byte)'B', (byte)'Z', (byte)'h'];
    private static readonly byte[] XzMagic = [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];
    private static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

    public static Compression Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(GzipMagic)) return Compression.Gzip;
        if (header.StartsWith(Bzip2Magic)) return Compression.Bzip2;
        if (header.StartsWith(XzMagic)) return Compression.Xz;
        if (header.StartsWith(ZstdMagic)) return Compression.Zstd;
        return Compression.None;
    }

    /// <summary>
    /// Returns a stream of the uncompressed bytes; disposing it disposes <paramref name="input"/> unless
    /// <paramref name="leaveOpen"/>.
    /// </summary>
    public static async Task<Stream> OpenAsync(Stream input, CancellationToken cancellationToken, bool leaveOpen = false) =>
        (await OpenDetectedAsync(input, cancellationToken, leaveOpen).ConfigureAwait(false)).Stream;

    /// <summary><see cref="OpenAsync"/> that also says which compression it found.</summary>
    public static async Task<(Stream Stream, Compression Compression)> OpenDetectedAsync(Stream input, CancellationToken cancellationToken, bool leaveOpen = false)
    {
        var header = new byte[6];
        var filled = 0;
        while (filled < header.Length)
        {
            var n = await input.ReadAsync(header.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            filled += n;
        }
        var compression = Detect(header.AsSpan(0, filled));
        var replay = new PrefixedStream(header, filled, input, leaveOpen);
        Stream stream = compression switch
        {
            Compression.None => replay,
            Compression.Gzip => new GZipStream(replay, CompressionMode.Decompress, leaveOpen: false),
            Compression.Bzip2 => ExternalDecompressorStream.Start("bzip2", replay),
            Compression.Xz => ExternalDecompressorStream.Start("xz", replay),
            Compression.Zstd => ExternalDecompressorStream.Start("zstd", replay),
            _ => throw new InvalidOperationException(compression.ToString()),
        };
        return (stream, compression);
    }
}
