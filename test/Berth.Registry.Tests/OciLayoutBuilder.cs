using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Registry.Tests;

/// <summary>Writes a one-layer OCI image layout (oci-layout, index.json, blobs/) from bytes, tagged by ref.name.</summary>
public static class OciLayoutBuilder
{
    /// <returns>The manifest's digest.</returns>
    public static Digest Write(string directory, string tag, string fileContent)
    {
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");

        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(fileContent)) };
            writer.WriteEntry(entry);
        }
        var diffId = Digest.Compute(tar.ToArray());
        var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(tar.ToArray());
        var layer = Blob(directory, gz.ToArray());
        var config = Blob(directory, Encoding.UTF8.GetBytes(
            $"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{{}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"{diffId}\"]}}}}"));
        var manifestBytes = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciManifest}\",\"config\":{{\"mediaType\":\"{MediaTypes.OciConfig}\",\"digest\":\"{config.Digest}\",\"size\":{config.Size}}}," +
            $"\"layers\":[{{\"mediaType\":\"{MediaTypes.OciLayerGzip}\",\"digest\":\"{layer.Digest}\",\"size\":{layer.Size}}}]}}");
        var manifest = Blob(directory, manifestBytes);
        File.WriteAllText(Path.Combine(directory, "index.json"),
            $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{manifest.Digest}\",\"size\":{manifest.Size}," +
            $"\"annotations\":{{\"org.opencontainers.image.ref.name\":\"{tag}\"}}}}]}}");
        return Digest.Parse(manifest.Digest);
    }

    private static Descriptor Blob(string directory, byte[] data)
    {
        var digest = Digest.Compute(data);
        File.WriteAllBytes(Path.Combine(directory, "blobs", "sha256", digest.Encoded), data);
        return new Descriptor("", digest, data.Length);
    }
}
