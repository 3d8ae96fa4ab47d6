using System.Text.Json;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Distribution;

namespace Berth.Engine.Tests.Distribution;

public sealed class PullServiceTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DistributionFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static ImageReference Ref(string text) => ImageReference.Parse($"{FakeRegistry.Host}/{text}");

    [Fact]
    public async Task PullRegistersTheImageUnderTagAndDigestWithDockerdsProgressLines()
    {
        var layer = DistributionFixture.Layer("data", 300_000, gzip: true);
        var manifest = _f.PublishImage("team/app", "1", "amd64", layer);

        var result = await _f.Pulls.PullAsync(Ref("team/app:1"), null, null, _f.Sink, Ct);

        var digest = Digest.Compute(manifest);
        Assert.Equal(digest, result.Digest);
        Assert.False(result.UpToDate);
        Assert.Contains($"{FakeRegistry.Host}/team/app:1", result.Image.RepoTags);
        Assert.Contains($"{FakeRegistry.Host}/team/app@{digest}", result.Image.RepoDigests);
        var id = Digest.Compute(layer.Blob).Short;
        var statuses = _f.Progress.Where(p => p.Id == id).Select(p => p.Status).Distinct().ToList();
        Assert.Equal(["Pulling fs layer", "Downloading", "Verifying Checksum", "Download complete", "Extracting", "Pull complete"], statuses);
        Assert.Equal($"Status: Downloaded newer image for {FakeRegistry.Host}/team/app:1", _f.Progress[^1].Status);

        _f.Progress.Clear();
        var again = await _f.Pulls.PullAsync(Ref("team/app:1"), null, null, _f.Sink, Ct);
        Assert.True(again.UpToDate);
        Assert.Equal($"Status: Image is up to date for {FakeRegistry.Host}/team/app:1", _f.Progress[^1].Status);
    }

    [Fact]
    public async Task AnIndexYieldsTheRequestedPlatformsManifestOnly()
    {
        var amd = _f.PublishImage("multi", "amd", "amd64", DistributionFixture.Layer("amd", 1000, gzip: true));
        var arm = _f.PublishImage("multi", "arm", "arm64", DistributionFixture.Layer("arm", 2000, gzip: true));
        var index = JsonSerializer.SerializeToUtf8Bytes(new ImageIndex
        {
            Manifests =
            [
                new Descriptor(MediaTypes.OciManifest, Digest.Compute(arm), arm.Length) { Platform = new Platform { Os = "linux", Architecture = "arm64", Variant = "v8" } },
                new Descriptor(MediaTypes.OciManifest, Digest.Compute(amd), amd.Length) { Platform = new Platform { Os = "linux", Architecture = "amd64" } },
            ],
        }, OciJsonContext.Canonical.ImageIndex);
        _f.Registry.AddManifest("multi", "latest", index, MediaTypes.OciIndex);

        var pulled = await _f.Pulls.PullAsync(Ref("multi"), "linux/arm64", null, _f.Sink, Ct);

        var armManifest = JsonSerializer.Deserialize(arm, OciJsonContext.Default.ImageManifest)!;
        Assert.Equal(armManifest.Config.Digest, pulled.Image.Id.ToString());
        Assert.Equal(Digest.Compute(index), pulled.Digest);
        var amdManifest = JsonSerializer.Deserialize(amd, OciJsonContext.Default.ImageManifest)!;
        Assert.DoesNotContain(_f.Registry.Log, l => l.Contains(amdManifest.Layers[0].Digest, StringComparison.Ordinal));
        Assert.Equal("no matching manifest for linux/s390x in the manifest list entries",
            (await Assert.ThrowsAsync<BerthException>(() => _f.Pulls.PullAsync(Ref("multi"), "linux/s390x", null, _f.Sink, Ct))).Message);
    }

    [Fact]
    public async Task AMissingTagIsNotFoundWithDockerdsText()
    {
        var e = await Assert.ThrowsAsync<BerthException>(() => _f.Pulls.PullAsync(Ref("nothing:here"), null, null, _f.Sink, Ct));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.Equal($"manifest for {FakeRegistry.Host}/nothing:here not found: manifest unknown: manifest unknown", e.Message);
    }

    [Fact]
    public async Task ABlobThatDoesNotMatchItsDigestIsNeverStored()
    {
        var layer = DistributionFixture.Layer("data", 50_000, gzip: true);
        _f.PublishImage("bad", "1", "amd64", layer);
        var digest = Digest.Compute(layer.Blob);
        var tampered = (byte[])layer.Blob.Clone();
        tampered[^10] ^= 0xff;
        _f.Registry.Blobs[digest.ToString()] = tampered;

        var e = await Assert.ThrowsAsync<BerthException>(() => _f.Pulls.PullAsync(Ref("bad:1"), null, null, _f.Sink, Ct));

        Assert.Equal($"filesystem layer verification failed for digest {digest}", e.Message);
        Assert.False(await _f.Images.Service.Content.ExistsAsync(digest, Ct));
        Assert.Empty(await _f.Images.Service.Content.ListIngestsAsync(Ct));
        Assert.Null(_f.Images.Service.TryGet($"{FakeRegistry.Host}/bad:1"));
    }

    [Fact]
    public async Task ADroppedConnectionMidBlobResumesWithRangeAndStoresTheWholeLayer()
    {
        var layer = DistributionFixture.Layer("big", 3_000_000, gzip: false);
        _f.PublishImage("resume", "1", "amd64", layer);
        var digest = Digest.Compute(layer.Blob).ToString();
        _f.Registry.DropAfter[digest] = 1_000_000;

        var result = await _f.Pulls.PullAsync(Ref("resume:1"), null, null, _f.Sink, Ct);

        var gets = _f.Registry.Log.Where(l => l.StartsWith("GET", StringComparison.Ordinal) && l.Contains($"/blobs/{digest}", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, gets.Count);
        Assert.DoesNotContain("Range:", gets[0], StringComparison.Ordinal);
        Assert.Contains("Range:bytes=1000000-", gets[1], StringComparison.Ordinal);
        Assert.Equal(layer.Blob, await _f.Images.Service.Content.ReadBlobAsync(Digest.Parse(digest), Ct));
        Assert.Equal(layer.DiffId.ToString(), result.Image.Config.RootFs.DiffIds[0]);
    }

    [Fact]
    public async Task APartialDownloadSurvivesADaemonRestartAndIsResumed()
    {
        var layer = DistributionFixture.Layer("big", 2_000_000, gzip: false);
        _f.PublishImage("restart", "1", "amd64", layer);
        var digest = Digest.Compute(layer.Blob);
        var writer = await _f.Images.Service.Content.OpenWriterAsync(BlobDownloader.IngestReference(digest), Ct);
        await using (writer)
        {
            await writer.WriteAsync(layer.Blob.AsMemory(0, 700_000), Ct);
        }

        _f.Images.Restart();
        var result = await _f.Pulls.PullAsync(Ref("restart:1"), null, null, _f.Sink, Ct);

        Assert.Contains(_f.Registry.Log, l => l.Contains($"/blobs/{digest} Range:bytes=700000-", StringComparison.Ordinal));
        Assert.Equal(layer.DiffId.ToString(), result.Image.Config.RootFs.DiffIds[0]);
    }
}
