using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using Berth.Core;
using Berth.Engine.Archives;
using Berth.Engine.Events;
using Berth.Engine.Tests.Images;

namespace Berth.Engine.Tests.Archives;

public sealed class ImageArchiveServiceSaveTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ImageServiceFixture _f = new();
    private readonly ImageArchiveService _archives;

    public ImageArchiveServiceSaveTests() => _archives = new ImageArchiveService(_f.Service, NullEventPublisher.Instance);

    public void Dispose() => _f.Dispose();

    private async Task<byte[]> SaveAsync(params string[] names)
    {
        var writer = await _archives.PrepareSaveAsync(names, Ct);
        using var output = new MemoryStream();
        await writer.WriteAsync(output, Ct);
        return output.ToArray();
    }

    private static Dictionary<string, byte[]> Entries(byte[] tar)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            result[entry.Name] = data.ToArray();
        }
        return result;
    }

    [Fact]
    public async Task TheArchiveIsADockerArchiveAndAnOciLayoutOfTheSameBlobs()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "app:1");

        var entries = Entries(await SaveAsync("app:1"));

        Assert.Equal("{\"imageLayoutVersion\":\"1.0.0\"}", Encoding.UTF8.GetString(entries["oci-layout"]));
        using var manifestJson = JsonDocument.Parse(entries["manifest.json"]);
        var item = Assert.Single(manifestJson.RootElement.EnumerateArray().ToList());
        Assert.Equal($"blobs/sha256/{image.Id.Encoded}", item.GetProperty("Config").GetString());
        Assert.Equal("app:1", Assert.Single(item.GetProperty("RepoTags").EnumerateArray().ToList()).GetString());
        foreach (var layer in item.GetProperty("Layers").EnumerateArray())
        {
            var blob = entries[layer.GetString()!];
            Assert.Equal(layer.GetString(), $"blobs/sha256/{Digest.Compute(blob).Encoded}");
        }
        using var index = JsonDocument.Parse(entries["index.json"]);
        var descriptor = Assert.Single(index.RootElement.GetProperty("manifests").EnumerateArray().ToList());
        Assert.Equal(image.ManifestDigest.ToString(), descriptor.GetProperty("digest").GetString());
        Assert.Equal("docker.io/library/app:1", descriptor.GetProperty("annotations").GetProperty("io.containerd.image.name").GetString());
        Assert.Equal("1", descriptor.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString());
        Assert.True(entries.ContainsKey($"blobs/sha256/{image.ManifestDigest!.Value.Encoded}"));
        Assert.Contains("\"app\"", Encoding.UTF8.GetString(entries["repositories"]));
    }

    [Fact]
    public async Task SaveRemoveLoadKeepsTheIdTagsAndManifest()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "app:1");
        await _f.Service.TagAsync("app:1", "app:2", Ct);
        var archive = await SaveAsync("app");
        await _f.Service.RemoveAsync(image.Id.ToString(), force: true, noPrune: false, Ct);
        Assert.Empty(_f.Service.List());

        var loaded = Assert.Single(await _archives.LoadAsync(new MemoryStream(archive), Ct));

        Assert.Equal(image.Id, loaded.Id);
        Assert.Equal(["app:1", "app:2"], loaded.References.Order(StringComparer.Ordinal));
        var record = _f.Service.Get("app:2");
        Assert.Equal(image.ManifestDigest, record.ManifestDigest);
        Assert.Equal(image.TopChainId, record.TopChainId);
    }

    [Fact]
    public async Task ByIdTheImageIsSavedUntaggedAndLoadsAsAnId()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "app:1");
        var archive = await SaveAsync(image.Id.Encoded[..12]);
        using var manifestJson = JsonDocument.Parse(Entries(archive)["manifest.json"]);
        Assert.Equal(JsonValueKind.Null, manifestJson.RootElement[0].GetProperty("RepoTags").ValueKind);
        await _f.Service.RemoveAsync(image.Id.ToString(), force: true, noPrune: false, Ct);

        var loaded = Assert.Single(await _archives.LoadAsync(new MemoryStream(archive), Ct));

        Assert.Equal(image.Id, loaded.Id);
        Assert.Empty(loaded.References);
    }

    [Fact]
    public async Task AnUnknownNameIsNotFoundBeforeAnythingIsWritten()
    {
        await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "app:1");
        var error = await Assert.ThrowsAsync<BerthException>(() => _archives.PrepareSaveAsync(["app:1", "nope:1"], Ct));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("No such image: nope:1", error.Message);
    }
}
