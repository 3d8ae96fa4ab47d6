using System.IO.Compression;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Testing;

namespace Berth.Engine.Tests.Images;

public sealed class ImageServiceRegisterTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ImageServiceFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>Writes config and manifest blobs for <paramref name="layers"/> (blob bytes, DiffID) and returns the manifest digest.</summary>
    private async Task<Digest> WriteImageAsync(IReadOnlyList<(byte[] Blob, Digest DiffId, string MediaType)> layers)
    {
        var content = _f.Service.Content;
        var config = new ImageConfig
        {
            Architecture = "amd64",
            Os = "linux",
            Config = new ImageExecutionConfig { Cmd = ["sh"] },
            RootFs = new RootFs { DiffIds = layers.Select(l => l.DiffId.ToString()).ToList() },
        };
        var configBytes = JsonSerializer.SerializeToUtf8Bytes(config, OciJsonContext.Canonical.ImageConfig);
        var manifest = new ImageManifest
        {
            Config = new Descriptor(MediaTypes.OciConfig, await content.WriteBlobAsync(configBytes, Ct), configBytes.Length),
        };
        foreach (var (blob, _, mediaType) in layers)
            manifest.Layers.Add(new Descriptor(mediaType, await content.WriteBlobAsync(blob, Ct), blob.Length));
        return await content.WriteBlobAsync(JsonSerializer.SerializeToUtf8Bytes(manifest, OciJsonContext.Canonical.ImageManifest), Ct);
    }

    [Fact]
    public async Task CompressedLayersBecomeAChainOfSnapshotsAndTheReferencesNameTheImage()
    {
        var bottom = ImageServiceFixture.BusyboxRootfs();
        var top = new TarBuilder().Directory("etc/").File("etc/motd", "hello\n").File("etc/.wh.hostname", "").ToArray();
        var gzipped = Gzip(bottom);
        var manifestDigest = await WriteImageAsync([
            (gzipped, Digest.Compute(bottom), MediaTypes.OciLayerGzip),
            (top, Digest.Compute(top), MediaTypes.OciLayer)]);

        var image = await _f.Service.RegisterAsync(manifestDigest,
            [ImageReference.Parse("localhost:5000/app:1"), ImageReference.Parse("localhost:5000/app").WithDigest(manifestDigest)], Ct);

        var chain = ChainId.Of([Digest.Compute(bottom), Digest.Compute(top)]);
        Assert.Equal(chain[1].ToString(), image.TopChainId);
        Assert.Equal(manifestDigest, image.ManifestDigest);
        Assert.Equal(["localhost:5000/app:1"], image.RepoTags);
        Assert.Equal([$"localhost:5000/app@{manifestDigest}"], image.RepoDigests);
        Assert.Equal(chain[0].ToString(), _f.Service.Snapshots.Stat(chain[1].ToString()).Parent);

        // Survives a restart, and rmi removes the compressed blob with the image.
        _f.Restart();
        var again = _f.Service.Get("localhost:5000/app:1");
        Assert.Equal(image.Id, again.Id);
        Assert.True(await _f.Service.Content.ExistsAsync(Digest.Compute(gzipped), Ct));
        await _f.Service.RemoveAsync(image.Id.ToString(), force: true, noPrune: false, Ct);
        Assert.False(await _f.Service.Content.ExistsAsync(Digest.Compute(gzipped), Ct));
        Assert.False(await _f.Service.Content.ExistsAsync(manifestDigest, Ct));
        Assert.Empty(_f.Service.Snapshots.List());
    }

    [Fact]
    public async Task ALayerWhoseContentIsNotItsDiffIdLeavesNoImageAndNoSnapshot()
    {
        var bottom = ImageServiceFixture.BusyboxRootfs();
        var manifestDigest = await WriteImageAsync([(Gzip(bottom), Digest.Compute("not this"u8), MediaTypes.OciLayerGzip)]);

        var error = await Assert.ThrowsAsync<BerthException>(() => _f.Service.RegisterAsync(manifestDigest, [ImageReference.Parse("bad:1")], Ct));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("does not match its DiffID", error.Message);
        Assert.Empty(_f.Service.List());
        Assert.Empty(_f.Service.Snapshots.List());
    }

    [Fact]
    public async Task AMissingLayerBlobIsReportedBeforeAnythingIsUnpacked()
    {
        var bottom = ImageServiceFixture.BusyboxRootfs();
        var manifestDigest = await WriteImageAsync([(bottom, Digest.Compute(bottom), MediaTypes.OciLayer)]);
        await _f.Service.Content.DeleteAsync(Digest.Compute(bottom), Ct);

        var error = await Assert.ThrowsAsync<BerthException>(() => _f.Service.RegisterAsync(manifestDigest, [], Ct));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("is missing", error.Message);
        Assert.Empty(_f.Service.Snapshots.List());
    }
}
