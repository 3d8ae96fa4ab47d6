using System.Net;
using System.Text.Json;
using Berth.Daemon.Tests.Support;
using Berth.Engine.Images;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Tests.Api.Images;

/// <summary>Image routes and their wire shapes, over an in-memory image service, through Docker.DotNet.</summary>
public sealed class ImageEndpointsTests : IAsyncLifetime
{
    private readonly FakeImageService _images = new();
    private TestDaemon _daemon = null!;
    private DockerClient _client = null!;

    public async Task InitializeAsync()
    {
        _daemon = await TestDaemon.StartAsync(s => s.AddSingleton<IImageService>(_images));
        _client = _daemon.CreateDockerClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _daemon.DisposeAsync();
    }

    [Fact]
    public async Task List_is_newest_first_with_familiar_names()
    {
        var now = DateTimeOffset.UtcNow;
        var old = _images.Add("busybox:1", now.AddHours(-2));
        var young = _images.Add("127.0.0.1:5000/team/app:2", now.AddHours(-1));
        var list = await _client.Images.ListImagesAsync(new ImagesListParameters());
        Assert.Equal([young.Id.ToString(), old.Id.ToString()], list.Select(i => i.ID));
        Assert.Equal(["127.0.0.1:5000/team/app:2"], list[0].RepoTags);
        Assert.Equal(["busybox:1"], list[1].RepoTags);
        Assert.Equal(old.Created.ToUnixTimeSeconds(), new DateTimeOffset(list[1].Created).ToUnixTimeSeconds());
        Assert.Equal(-1, list[1].SharedSize);
    }

    [Fact]
    public async Task Dangling_filter_in_both_wire_forms()
    {
        _images.Add("busybox:1", DateTimeOffset.UtcNow.AddHours(-2));
        var dangling = _images.Add(null, DateTimeOffset.UtcNow.AddHours(-1));
        var modern = await _client.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["dangling"] = new Dictionary<string, bool> { ["true"] = true } },
        });
        Assert.Equal([dangling.Id.ToString()], modern.Select(i => i.ID));
        Assert.Empty(modern[0].RepoTags ?? []);

        var legacy = await GetJson("/images/json?filters=" + Uri.EscapeDataString("{\"dangling\":[\"false\"]}"));
        Assert.Equal(1, legacy.GetArrayLength());
        Assert.Equal("busybox:1", legacy[0].GetProperty("RepoTags")[0].GetString());
    }

    [Fact]
    public async Task Old_api_versions_get_placeholders_and_virtual_size()
    {
        var image = _images.Add(null, DateTimeOffset.UtcNow);
        var old = await GetJson("/v1.41/images/json");
        Assert.Equal("<none>:<none>", old[0].GetProperty("RepoTags")[0].GetString());
        Assert.Equal("<none>@<none>", old[0].GetProperty("RepoDigests")[0].GetString());
        Assert.Equal(image.Size, old[0].GetProperty("VirtualSize").GetInt64());
        var current = await GetJson("/v1.47/images/json");
        Assert.Equal(0, current[0].GetProperty("RepoTags").GetArrayLength());
        Assert.False(current[0].TryGetProperty("VirtualSize", out _));
    }

    [Fact]
    public async Task Reference_label_before_and_since_filters()
    {
        var now = DateTimeOffset.UtcNow;
        var a = _images.Add("busybox:1", now.AddHours(-3), new Dictionary<string, string> { ["tier"] = "base" });
        var b = _images.Add("busybox:2", now.AddHours(-2));
        var c = _images.Add("alpine:3", now.AddHours(-1), new Dictionary<string, string> { ["tier"] = "app" });

        async Task<string[]> Ids(string filters) =>
            (await GetJson("/images/json?filters=" + Uri.EscapeDataString(filters))).EnumerateArray().Select(e => e.GetProperty("Id").GetString()!).ToArray();

        Assert.Equal([b.Id.ToString(), a.Id.ToString()], await Ids("{\"reference\":[\"busybox\"]}"));
        Assert.Equal([b.Id.ToString()], await Ids("{\"reference\":[\"busy*:2\"]}"));
        Assert.Equal([c.Id.ToString(), a.Id.ToString()], await Ids("{\"label\":[\"tier\"]}"));
        Assert.Equal([a.Id.ToString()], await Ids("{\"label\":[\"tier=base\"]}"));
        Assert.Equal([a.Id.ToString()], await Ids("{\"before\":[\"busybox:2\"]}"));
        Assert.Equal([c.Id.ToString()], await Ids("{\"since\":[\"busybox:2\"]}"));
        Assert.Equal([b.Id.ToString(), a.Id.ToString()], await Ids("{\"until\":[\"90m\"]}"));
    }

    [Fact]
    public async Task Inspect_history_and_names_with_slashes()
    {
        var image = _images.Add("127.0.0.1:5000/a/b:1", DateTimeOffset.UtcNow);
        var inspect = await _client.Images.InspectImageAsync("127.0.0.1:5000/a/b:1");
        Assert.Equal(image.Id.ToString(), inspect.ID);
        Assert.Equal(["127.0.0.1:5000/a/b:1"], inspect.RepoTags);
        Assert.Equal("linux", inspect.Os);
        Assert.Equal(["sh"], inspect.Config.Cmd);
        Assert.Equal("layers", inspect.RootFS.Type);
        Assert.Single(inspect.RootFS.Layers);

        var history = await _client.Images.GetImageHistoryAsync("127.0.0.1:5000/a/b:1");
        Assert.Equal(image.Id.ToString(), Assert.Single(history).ID);
        Assert.Equal(["127.0.0.1:5000/a/b:1"], history[0].Tags);
    }

    [Fact]
    public async Task Unknown_image_is_404_with_dockers_text()
    {
        var e = await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _client.Images.InspectImageAsync("nosuch:1"));
        Assert.Contains("No such image: nosuch:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_is_201_and_remove_untags_then_deletes()
    {
        var image = _images.Add("busybox:1", DateTimeOffset.UtcNow);
        using (var tag = await _daemon.Http.PostAsync("/v1.47/images/busybox:1/tag?repo=registry.local:5000/me/bb&tag=x", null))
            Assert.Equal(HttpStatusCode.Created, tag.StatusCode);
        Assert.Equal(["busybox:1", "registry.local:5000/me/bb:x"], (await _client.Images.InspectImageAsync(image.Id.ToString())).RepoTags);

        var untagged = await _client.Images.DeleteImageAsync("busybox:1", new ImageDeleteParameters());
        Assert.Equal("busybox:1", Assert.Single(untagged)["Untagged"]);
        var deleted = await _client.Images.DeleteImageAsync("registry.local:5000/me/bb:x", new ImageDeleteParameters { Force = true });
        Assert.Equal("registry.local:5000/me/bb:x", deleted[0]["Untagged"]);
        Assert.Equal(image.Id.ToString(), deleted[1]["Deleted"]);
        Assert.Empty(_images.List());
    }

    [Fact]
    public async Task Tag_without_repo_is_400()
    {
        _images.Add("busybox:1", DateTimeOffset.UtcNow);
        using var response = await _daemon.Http.PostAsync("/images/busybox:1/tag", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Prune_dangling_by_default_and_all_with_dangling_false()
    {
        var now = DateTimeOffset.UtcNow;
        _images.Add("busybox:1", now.AddDays(-2));
        var dangling = _images.Add(null, now.AddDays(-2));
        var report = await _client.Images.PruneImagesAsync(new ImagesPruneParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["dangling"] = new Dictionary<string, bool> { ["true"] = true } },
        });
        Assert.Equal(dangling.Id.ToString(), Assert.Single(report.ImagesDeleted).Deleted);
        Assert.False(_images.Prunes[^1].All);

        _images.Add("alpine:3", now.AddMinutes(-1));
        var all = await _client.Images.PruneImagesAsync(new ImagesPruneParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["dangling"] = new Dictionary<string, bool> { ["false"] = true },
                ["until"] = new Dictionary<string, bool> { ["24h"] = true },
            },
        });
        Assert.True(_images.Prunes[^1].All);
        Assert.Equal(["busybox:1", null], all.ImagesDeleted.Select(d => d.Untagged));
        Assert.Equal(["alpine:3"], _images.List().SelectMany(i => i.RepoTags).Select(t => t.Replace("docker.io/library/", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_streams_the_new_image_id()
    {
        using var body = new MemoryStream("not really a tar"u8.ToArray());
        var messages = new List<JSONMessage>();
        await _client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = "imported", Tag = "v1" },
            body, null, new Progress<JSONMessage>(messages.Add));
        var image = _images.Get("imported:v1");
        using var response = await _daemon.Http.PostAsync("/images/create?fromSrc=-&repo=again", new ByteArrayContent("x"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = (await response.Content.ReadAsStringAsync()).Trim();
        using var json = JsonDocument.Parse(line);
        Assert.Equal(_images.Get("again").Id.ToString(), json.RootElement.GetProperty("status").GetString());
        Assert.NotNull(image);
    }

    [Fact]
    public async Task Import_failure_before_output_is_an_http_error()
    {
        using var response = await _daemon.Http.PostAsync("/images/create?fromSrc=-&repo=empty", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("empty archive", await EngineApiTests.MessageOf(response));
    }

    [Fact]
    public async Task Pull_from_an_unreachable_registry_is_an_http_error_naming_it()
    {
        using var response = await _daemon.Http.PostAsync("/images/create?fromImage=127.0.0.1:1/nothing&tag=latest", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("http://127.0.0.1:1/v2/nothing/manifests/latest", await EngineApiTests.MessageOf(response), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJson(string path)
    {
        using var response = await _daemon.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
