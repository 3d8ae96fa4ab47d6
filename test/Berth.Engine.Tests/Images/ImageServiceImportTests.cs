using System.Globalization;
using System.Text.Json;
using System.IO.Compression;
using Berth.Core;
using Berth.Core.Mounts;
using Berth.Core.Content;
using Berth.Engine.Images;
using Berth.Testing;

namespace Berth.Engine.Tests.Images;

public sealed class ImageServiceImportTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ImageServiceFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ImportCreatesAnOciImageNamedByItsConfigDigest()
    {
        var tar = ImageServiceFixture.BusyboxRootfs();
        var image = await _f.ImportAsync(tar, "busybox");

        Assert.Equal(["busybox:latest"], image.RepoTags);
        Assert.Empty(image.RepoDigests);
        Assert.Equal(Digest.Compute(tar).ToString(), image.TopChainId);
        Assert.Equal(Digest.Compute(tar).ToString(), Assert.Single(image.Config.RootFs.DiffIds));
        Assert.Equal(new FileInfo("/bin/busybox").Length + "berth\n".Length, image.Size);
        Assert.Equal("amd64", image.Config.Architecture);
        Assert.Equal("linux", image.Config.Os);
        Assert.Equal(ImageService.DefaultImportComment, Assert.Single(image.Config.History!).Comment);
        Assert.Null(image.Parent);

        var configBlob = await _f.Service.Content.ReadBlobAsync(image.Id, Ct);
        Assert.Equal(image.Id, Digest.Compute(configBlob));
        var manifest = JsonSerializer.Deserialize(
            await _f.Service.Content.ReadBlobAsync(image.ManifestDigest!.Value, Ct), Berth.Core.Oci.OciJsonContext.Default.ImageManifest)!;
        Assert.Equal(Berth.Core.Oci.MediaTypes.OciLayer, manifest.Layers[0].MediaType);
        Assert.Equal(tar.Length, manifest.Layers[0].Size);
        Assert.Equal(image.Id.ToString(), manifest.Config.Digest);

        foreach (var name in new[] { "busybox", "busybox:latest", "docker.io/library/busybox:latest", image.Id.ToString(), image.Id.Encoded, image.Id.Short, "sha256:" + image.Id.Short })
            Assert.Equal(image.Id, _f.Service.Get(name).Id);
        var missing = Assert.Throws<BerthException>(() => _f.Service.Get("nope"));
        Assert.Equal((ErrorKind.NotFound, "No such image: nope"), (missing.Kind, missing.Message));
        Assert.Null(_f.Service.TryGet("busybox:other"));
    }

    [Fact]
    public async Task ChangesAndCompressionAreApplied()
    {
        using var gz = new MemoryStream();
        await using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) z.Write(ImageServiceFixture.BusyboxRootfs());
        var image = await _f.ImportAsync(gz.ToArray(), "localhost:5000/test/app:1",
        [
            "CMD [\"sh\", \"-c\", \"echo hi\"]", "ENTRYPOINT /bin/sh -x", "ENV A=b C=\"d e\"", "env F g h", "WORKDIR /srv",
            "WORKDIR app", "USER 1000:1000", "EXPOSE 80 8000-8001/udp", "LABEL a=b", "VOLUME [\"/data\"]",
            "STOPSIGNAL SIGKILL", "ONBUILD RUN true", "HEALTHCHECK --interval=1m30s --retries=3 CMD [\"true\"]",
        ], "my message");
        var c = image.Config.Config!;
        Assert.Equal(["sh", "-c", "echo hi"], c.Cmd);
        Assert.Equal(["/bin/sh", "-c", "/bin/sh -x"], c.Entrypoint);
        Assert.Equal(["A=b", "C=d e", "F=g h"], c.Env);
        Assert.Equal("/srv/app", c.WorkingDir);
        Assert.Equal("1000:1000", c.User);
        Assert.Equal(["80/tcp", "8000/udp", "8001/udp"], c.ExposedPorts!.Keys.Order().ToArray());
        Assert.Equal("b", c.Labels!["a"]);
        Assert.Equal(["/data"], c.Volumes!.Keys);
        Assert.Equal("SIGKILL", c.StopSignal);
        Assert.Equal(["RUN true"], c.OnBuild);
        Assert.Equal(["CMD", "true"], c.Healthcheck!.Test);
        Assert.Equal(90_000_000_000L, c.Healthcheck.Interval);
        Assert.Equal(3, c.Healthcheck.Retries);
        Assert.Equal(["localhost:5000/test/app:1"], image.RepoTags);
        Assert.Equal("my message", _f.Service.History("localhost:5000/test/app:1")[0].Comment);

        var invalid = await Assert.ThrowsAsync<BerthException>(() => _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), null, ["RUN echo"]));
        Assert.Equal((ErrorKind.InvalidArgument, "run is not a valid change command"), (invalid.Kind, invalid.Message));
        var badName = await Assert.ThrowsAsync<BerthException>(() => _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "Bad:Name"));
        Assert.Equal(ErrorKind.InvalidArgument, badName.Kind);
    }

    [Fact]
    public async Task SameLayerIsExtractedOnceAndSurvivesRestart()
    {
        var tar = ImageServiceFixture.BusyboxRootfs();
        var a = await _f.ImportAsync(tar, "a", message: "first");
        var b = await _f.ImportAsync(tar, "b", message: "second");
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.TopChainId, b.TopChainId);
        Assert.Single(_f.Service.Snapshots.List());

        var restarted = _f.Restart();
        Assert.Equal(2, restarted.List().Count);
        Assert.Equal(["a:latest"], restarted.Get("a").RepoTags);
        Assert.Equal(a.Config.Comment, restarted.Get(a.Id.Short).Config.Comment);
    }

    [Fact]
    public async Task ContainerLayerSeesTheImageAndKeepsItsWrites()
    {
        var image = await _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(), "busybox");
        var mounts = await _f.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, image, Ct);
        Assert.Equal(Describe(mounts), Describe(await _f.Service.PrepareContainerLayerAsync(ImageServiceFixture.ContainerA, image, Ct)));
        using var target = new TestDirectory("berth-rootfs");
        MountExecutor.MountAll(mounts, target.Path);
        try
        {
            Assert.Equal(new FileInfo("/bin/busybox").Length, new FileInfo(target.Combine("bin/busybox")).Length);
            Assert.Equal("busybox", new FileInfo(target.Combine("bin/sh")).LinkTarget);
            File.WriteAllText(target.Combine("tmp/written"), "12345");
        }
        finally
        {
            MountExecutor.UnmountAll(target.Path, detach: false);
        }
        Assert.Equal(5, _f.Service.ContainerLayerSize(ImageServiceFixture.ContainerA));

        var restarted = _f.Restart();
        Assert.Equal(Describe(mounts), Describe(restarted.ContainerLayerMounts(ImageServiceFixture.ContainerA)));
        await restarted.RemoveContainerLayerAsync(ImageServiceFixture.ContainerA, Ct);
        await restarted.RemoveContainerLayerAsync(ImageServiceFixture.ContainerA, Ct);
        Assert.Equal(0, restarted.ContainerLayerSize(ImageServiceFixture.ContainerA));
        Assert.Throws<BerthException>(() => restarted.ContainerLayerMounts(ImageServiceFixture.ContainerA));
    }

    private static string Describe(IReadOnlyList<Mount> mounts) =>
        string.Join(";", mounts.Select(m => $"{m.Type} {m.Source} {string.Join(',', m.Options)}"));

    [Fact]
    public async Task ConcurrentImportsAndReadsSeeConsistentViews()
    {
        var imports = Enumerable.Range(0, 4)
            .Select(i => Task.Run(() => _f.ImportAsync(ImageServiceFixture.BusyboxRootfs(i.ToString(CultureInfo.InvariantCulture)), $"img{i}")))
            .ToList();
        var reads = Task.Run(async () =>
        {
            while (!imports.All(t => t.IsCompleted))
            {
                foreach (var record in _f.Service.List()) Assert.NotNull(_f.Service.TryGet(record.Id.ToString()));
                await Task.Yield();
            }
        });
        await Task.WhenAll(imports);
        await reads;
        Assert.Equal(4, _f.Service.List().Count);
        Assert.Equal(4, _f.Service.Snapshots.List().Count);
    }

    [Fact]
    public async Task AFailedImportLeavesNoIngestOrSnapshot()
    {
        var hostile = new TarBuilder().File("ok", "x").HardLink("passwd", "/etc/passwd").ToArray();
        await Assert.ThrowsAsync<BerthException>(() => _f.ImportAsync(hostile, "bad"));
        Assert.Empty(_f.Service.List());
        Assert.Empty(_f.Service.Snapshots.List());
        Assert.Empty(await _f.Service.Content.ListIngestsAsync(Ct));
        Assert.Empty(await _f.Service.Content.ListAsync(Ct));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_f.DataRoot, "snapshots/overlay")));
        var empty = await Assert.ThrowsAsync<BerthException>(() => _f.ImportAsync([], "empty"));
        Assert.Equal(ErrorKind.InvalidArgument, empty.Kind);
        Assert.Empty(await _f.Service.Content.ListIngestsAsync(Ct));
    }
}
