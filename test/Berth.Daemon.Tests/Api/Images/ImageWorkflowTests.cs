using System.Net;
using Berth.Daemon.Tests.Support;
using Berth.Testing;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Berth.Daemon.Tests.Api.Images;

/// <summary>The real image service behind the API: import, list, inspect, tag, history, rmi, prune via Docker.DotNet.</summary>
public sealed class ImageWorkflowTests : IAsyncLifetime
{
    private TestDaemon _daemon = null!;
    private DockerClient _client = null!;

    public async Task InitializeAsync()
    {
        _daemon = await TestDaemon.StartAsync();
        _client = _daemon.CreateDockerClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _daemon.DisposeAsync();
    }

    private async Task<string> ImportAsync(string repo, string tag, string content, params string[] changes)
    {
        using var tar = new TarBuilder().Directory("etc").File("etc/hello", content).ToStream();
        var messages = new List<JSONMessage>();
        await _client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = repo, Tag = tag, Message = "imported by test", Changes = changes },
            tar, null, new Progress<JSONMessage>(messages.Add));
        var inspect = await _client.Images.InspectImageAsync($"{repo}:{tag}");
        return inspect.ID;
    }

    [Fact]
    public async Task Import_then_list_inspect_and_history()
    {
        var id = await ImportAsync("127.0.0.1:5000/team/app", "1", "hi", "CMD [\"sh\"]", "LABEL tier=base");
        Assert.StartsWith("sha256:", id, StringComparison.Ordinal);

        var list = await _client.Images.ListImagesAsync(new ImagesListParameters());
        var summary = Assert.Single(list);
        Assert.Equal(id, summary.ID);
        Assert.Equal(["127.0.0.1:5000/team/app:1"], summary.RepoTags);
        Assert.Equal("base", summary.Labels["tier"]);

        var inspect = await _client.Images.InspectImageAsync(id);
        Assert.Equal(["sh"], inspect.Config.Cmd);
        Assert.Equal("imported by test", inspect.Comment);
        Assert.Single(inspect.RootFS.Layers);

        var history = await _client.Images.GetImageHistoryAsync("127.0.0.1:5000/team/app:1");
        Assert.NotEmpty(history);
        Assert.Equal(id, history[0].ID);
    }

    [Fact]
    public async Task Tag_remove_and_prune()
    {
        var id = await ImportAsync("busybox", "one", "1");
        await _client.Images.TagImageAsync("busybox:one", new ImageTagParameters { RepositoryName = "mine/bb", Tag = "two" });
        Assert.Equal(["busybox:one", "mine/bb:two"], (await _client.Images.InspectImageAsync(id)).RepoTags.Order());

        var untag = await _client.Images.DeleteImageAsync("busybox:one", new ImageDeleteParameters());
        Assert.Equal("busybox:one", Assert.Single(untag)["Untagged"]);
        var remove = await _client.Images.DeleteImageAsync("mine/bb:two", new ImageDeleteParameters());
        Assert.Contains(remove, item => item.TryGetValue("Deleted", out var d) && d == id);
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _client.Images.InspectImageAsync(id));

        // Re-importing different content over the same tag leaves the old image dangling.
        var first = await ImportAsync("app", "1", "a");
        var second = await ImportAsync("app", "1", "b");
        Assert.NotEqual(first, second);
        var dangling = await _client.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["dangling"] = new Dictionary<string, bool> { ["true"] = true } },
        });
        Assert.Equal(first, Assert.Single(dangling).ID);
        var pruned = await _client.Images.PruneImagesAsync(new ImagesPruneParameters());
        Assert.Contains(pruned.ImagesDeleted, d => d.Deleted == first);
        Assert.Equal(second, Assert.Single(await _client.Images.ListImagesAsync(new ImagesListParameters())).ID);
    }

    [Fact]
    public async Task Import_of_garbage_is_an_error_and_an_invalid_reference_a_400()
    {
        using var bad = await _daemon.Http.PostAsync("/images/create?fromSrc=-&repo=UPPER", new ByteArrayContent(new TarBuilder().File("a", "b").ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var garbage = await _daemon.Http.PostAsync("/images/create?fromSrc=-&repo=x", new ByteArrayContent("definitely not a tar archive"u8.ToArray()));
        Assert.NotEqual(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Empty(await _client.Images.ListImagesAsync(new ImagesListParameters()));
    }

    [Fact]
    public async Task Import_from_a_url_downloads_the_tar()
    {
        var tar = new TarBuilder().Directory("etc").File("etc/hello", "from a url").ToArray();
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.ContentLength64 = tar.Length;
            await context.Response.OutputStream.WriteAsync(tar);
            context.Response.Close();
        });

        using var response = await _daemon.Http.PostAsync($"/images/create?fromSrc=http://127.0.0.1:{port}/rootfs.tar&repo=fromurl&tag=1", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("error", body, StringComparison.Ordinal);
        await serve.WaitAsync(TimeSpan.FromSeconds(30));
        var history = await _client.Images.GetImageHistoryAsync("fromurl:1");
        Assert.Equal($"Imported from http://127.0.0.1:{port}/rootfs.tar", Assert.Single(history).Comment);
        using var bad = await _daemon.Http.PostAsync("/images/create?fromSrc=ftp://example/x.tar&repo=x", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
