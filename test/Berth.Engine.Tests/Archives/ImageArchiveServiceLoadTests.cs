using Berth.Core;
using Berth.Core.Content;
using Berth.Engine.Archives;
using Berth.Engine.Events;
using Berth.Engine.Tests.Images;
using Berth.Testing;
using static Berth.Engine.Tests.Archives.ArchiveTestImages;

namespace Berth.Engine.Tests.Archives;

public sealed class ImageArchiveServiceLoadTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ImageServiceFixture _f = new();
    private readonly ImageArchiveService _archives;

    public ImageArchiveServiceLoadTests() => _archives = new ImageArchiveService(_f.Service, NullEventPublisher.Instance);

    public void Dispose() => _f.Dispose();

    private Task<IReadOnlyList<LoadedImage>> LoadAsync(byte[] archive) => _archives.LoadAsync(new MemoryStream(archive), Ct);

    private async Task AssertNothingLoadedAsync()
    {
        Assert.Empty(_f.Service.List());
        Assert.Empty(await _f.Service.Content.ListAsync(Ct));
        Assert.Empty(await _f.Service.Content.ListIngestsAsync(Ct));
        Assert.Empty(_f.Service.Snapshots.List());
    }

    [Fact]
    public async Task OlderDockerLayoutWithLayerTarsAndASymlinkedLayerLoads()
    {
        var bottom = Layer("a", "one");
        var top = Layer("b", "two");
        var config = Config(bottom, top, bottom);
        var archive = new TarBuilder()
            .File("l1/layer.tar", bottom).File("l1/VERSION", "1.0").File("l1/json", "{}")
            .File("l2/layer.tar", top)
            .Symlink("l3/layer.tar", "../l1/layer.tar")
            .File($"{Hex(config)}.json", config)
            .File("manifest.json", $"[{{\"Config\":\"{Hex(config)}.json\",\"RepoTags\":[\"old:1\"],\"Layers\":[\"l1/layer.tar\",\"l2/layer.tar\",\"l3/layer.tar\"]}}]")
            .File("repositories", "{\"old\":{\"1\":\"l3\"}}")
            .ToArray();

        var loaded = await LoadAsync(archive);

        var image = Assert.Single(loaded);
        Assert.Equal(Digest.Compute(config), image.Id);
        Assert.Equal(["old:1"], image.References);
        Assert.Equal(image.Id, _f.Service.Get("old:1").Id);
        // The v1 'json' and 'VERSION' files are not kept as blobs.
        Assert.False(await _f.Service.Content.ExistsAsync(Digest.Compute("1.0"u8), Ct));
    }

    [Fact]
    public async Task GzipArchiveWithAGzipLayerFileLoads()
    {
        var layer = Layer("a", "gz");
        var gz = Gzip(layer);
        var config = Config(layer);
        var archive = Tar(
            ($"blobs/sha256/{Hex(gz)}", gz),
            ($"blobs/sha256/{Hex(config)}", config),
            ("manifest.json", Utf8($"[{{\"Config\":\"blobs/sha256/{Hex(config)}\",\"RepoTags\":[\"gz:1\"],\"Layers\":[\"blobs/sha256/{Hex(gz)}\"]}}]")));

        var image = Assert.Single(await LoadAsync(Gzip(archive)));

        Assert.Equal(Digest.Compute(config), image.Id);
        Assert.NotNull(_f.Service.TryGet("gz:1"));
    }

    [Fact]
    public async Task OciLayoutWithANestedIndexPicksLinuxAmd64AndTheContainerdName()
    {
        var layer = Layer("a", "oci");
        var config = Config(layer);
        var manifest = Utf8($"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:{Hex(config)}\",\"size\":{config.Length}}},\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"sha256:{Hex(layer)}\",\"size\":{layer.Length}}}]}}");
        var nested = Utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
            + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + new string('0', 64) + "\",\"size\":1,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}},"
            + $"{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:{Hex(manifest)}\",\"size\":{manifest.Length},\"platform\":{{\"architecture\":\"amd64\",\"os\":\"linux\"}}}}]}}");
        var index = Utf8("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + $"\"digest\":\"sha256:{Hex(nested)}\",\"size\":{nested.Length},\"annotations\":{{\"io.containerd.image.name\":\"registry.local/app:2\",\"org.opencontainers.image.ref.name\":\"2\"}}}}]}}");
        var archive = Tar(
            ("oci-layout", Utf8("{\"imageLayoutVersion\":\"1.0.0\"}")),
            ("index.json", index),
            ($"blobs/sha256/{Hex(nested)}", nested),
            ($"blobs/sha256/{Hex(manifest)}", manifest),
            ($"blobs/sha256/{Hex(config)}", config),
            ($"blobs/sha256/{Hex(layer)}", layer));

        var image = Assert.Single(await LoadAsync(archive));

        Assert.Equal(["registry.local/app:2"], image.References);
        var record = _f.Service.Get("registry.local/app:2");
        Assert.Equal(Digest.Compute(manifest), record.ManifestDigest);
    }

    [Fact]
    public async Task OciLayoutMissingABlobIsRejectedEvenWhenTheLocalStoreHasIt()
    {
        var layer = Layer("a", "complete");
        var config = Config(layer);
        var manifest = Utf8($"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:{Hex(config)}\",\"size\":{config.Length}}},\"layers\":[{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"sha256:{Hex(layer)}\",\"size\":{layer.Length}}}]}}");
        byte[] Index(string name) => Utf8("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + $"\"digest\":\"sha256:{Hex(manifest)}\",\"size\":{manifest.Length},\"annotations\":{{\"io.containerd.image.name\":\"{name}\"}}}}]}}");
        var layout = ("oci-layout", Utf8("{\"imageLayoutVersion\":\"1.0.0\"}"));
        Assert.Single(await LoadAsync(Tar(layout, ("index.json", Index("local/full:1")),
            ($"blobs/sha256/{Hex(manifest)}", manifest), ($"blobs/sha256/{Hex(config)}", config), ($"blobs/sha256/{Hex(layer)}", layer))));
        Assert.True(await _f.Service.Content.ExistsAsync(Digest.Compute(layer), Ct));

        var withoutLayer = Tar(layout, ("index.json", Index("local/partial:1")),
            ($"blobs/sha256/{Hex(manifest)}", manifest), ($"blobs/sha256/{Hex(config)}", config));
        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(withoutLayer));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal($"invalid archive: blob sha256:{Hex(layer)} of manifest sha256:{Hex(manifest)} not found in archive", error.Message);
        Assert.Null(_f.Service.TryGet("local/partial:1"));

        var withoutManifest = Tar(layout, ("index.json", Index("local/partial:1")), ($"blobs/sha256/{Hex(config)}", config), ($"blobs/sha256/{Hex(layer)}", layer));
        error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(withoutManifest));
        Assert.Equal($"invalid archive: blob sha256:{Hex(manifest)} not found in archive", error.Message);
        Assert.Null(_f.Service.TryGet("local/partial:1"));
        Assert.NotNull(_f.Service.TryGet("local/full:1"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("blobs/../../x")]
    public async Task PathTraversalIsRejectedAndLeavesNothing(string name)
    {
        var layer = Layer("a", "x");
        var archive = Tar(($"blobs/sha256/{Hex(layer)}", layer), (name, Utf8("evil")));

        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(archive));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("outside the archive", error.Message);
        await AssertNothingLoadedAsync();
    }

    [Fact]
    public async Task ASymlinkOutOfTheArchiveIsRejected()
    {
        var archive = new TarBuilder().Symlink("l1/layer.tar", "../../etc/shadow").ToArray();
        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(archive));
        Assert.Contains("outside the archive", error.Message);
    }

    [Fact]
    public async Task AMissingLayerFileIsRejectedAndLeavesNothing()
    {
        var layer = Layer("a", "x");
        var config = Config(layer, layer);
        var archive = Tar(
            ($"blobs/sha256/{Hex(layer)}", layer),
            ($"blobs/sha256/{Hex(config)}", config),
            ("manifest.json", Utf8($"[{{\"Config\":\"blobs/sha256/{Hex(config)}\",\"RepoTags\":[\"m:1\"],\"Layers\":[\"blobs/sha256/{Hex(layer)}\",\"nope/layer.tar\"]}}]")));

        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(archive));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("layer nope/layer.tar named by manifest.json is missing", error.Message);
        await AssertNothingLoadedAsync();
    }

    [Fact]
    public async Task AMissingConfigIsRejectedAndLeavesNothing()
    {
        var layer = Layer("a", "x");
        var archive = Tar(
            ($"blobs/sha256/{Hex(layer)}", layer),
            ("manifest.json", Utf8($"[{{\"Config\":\"blobs/sha256/{new string('a', 64)}\",\"RepoTags\":[\"m:1\"],\"Layers\":[\"blobs/sha256/{Hex(layer)}\"]}}]")));

        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(archive));

        Assert.Contains("config blobs/sha256/" + new string('a', 64) + " named by manifest.json is missing", error.Message);
        await AssertNothingLoadedAsync();
    }

    [Fact]
    public async Task ABlobThatDoesNotMatchItsNameIsRejectedAndLeavesNothing()
    {
        var layer = Layer("a", "x");
        var archive = Tar(($"blobs/sha256/{Hex(layer)}", layer), ($"blobs/sha256/{new string('b', 64)}", Utf8("not b")));

        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(archive));

        Assert.Contains("does not match its digest", error.Message);
        await AssertNothingLoadedAsync();
    }

    [Fact]
    public async Task ALayerThatIsNotItsDiffIdLeavesNoImageSnapshotOrBlob()
    {
        var bottom = Layer("a", "good");
        var top = Layer("b", "bad");
        var config = Config(bottom, Layer("b", "expected"));
        var archive = Tar(
            ($"blobs/sha256/{Hex(bottom)}", bottom),
            ($"blobs/sha256/{Hex(top)}", top),
            ($"blobs/sha256/{Hex(config)}", config),
            ("manifest.json", Utf8($"[{{\"Config\":\"blobs/sha256/{Hex(config)}\",\"RepoTags\":[\"d:1\"],\"Layers\":[\"blobs/sha256/{Hex(bottom)}\",\"blobs/sha256/{Hex(top)}\"]}}]")));

        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(archive));

        Assert.Contains("does not match its DiffID", error.Message);
        await AssertNothingLoadedAsync();
    }

    [Fact]
    public async Task AnArchiveWithoutManifestOrIndexIsRejected()
    {
        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(Tar(("hello", Utf8("x")))));
        Assert.Contains("neither manifest.json", error.Message);
        await AssertNothingLoadedAsync();
    }

    [Fact]
    public async Task GarbageIsNotATar()
    {
        var error = await Assert.ThrowsAsync<BerthException>(() => LoadAsync(Enumerable.Repeat((byte)'x', 2048).ToArray()));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        await AssertNothingLoadedAsync();
    }
}
