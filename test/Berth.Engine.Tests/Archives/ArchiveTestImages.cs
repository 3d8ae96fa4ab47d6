using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Berth.Core;
using Berth.Testing;

namespace Berth.Engine.Tests.Archives;

/// <summary>Hand-made archives for load tests: layer tars, configs naming their DiffIDs, and gzip.</summary>
internal static class ArchiveTestImages
{
    public static byte[] Layer(string file, string content) =>
        new TarBuilder().Directory("data/").File($"data/{file}", content).ToArray();

    public static byte[] Config(params byte[][] layers) => Encoding.UTF8.GetBytes(
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
        + string.Join(',', layers.Select(l => $"\"{Digest.Compute(l)}\"")) + "]}}");

    public static string Hex(byte[] data) => Digest.Compute(data).Encoded;

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>A tar of (name, bytes) files, in the order given.</summary>
    public static byte[] Tar(params (string Name, byte[] Data)[] files)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in files)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
