using System.Globalization;
using System.Net;
using System.Text.Json;
using Berth.Daemon.Tests.Support;
using Berth.Engine.Events;
using Docker.DotNet.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Tests.Api.Events;

/// <summary><c>GET /events</c> in-process: replay with since/until, wire shape, filters, and Docker.DotNet as the client.</summary>
public sealed class EventsEndpointTests
{
    private const string ContainerId = "4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";

    private static void PublishSample(TestDaemon daemon)
    {
        var events = daemon.Host.Services.GetRequiredService<IEventPublisher>();
        var web = new Dictionary<string, string> { ["name"] = "web", ["image"] = "busybox", ["tier"] = "front" };
        events.Publish(EventTypes.Container, "create", ContainerId, web);
        events.Publish(EventTypes.Container, "start", ContainerId, web);
        events.Publish(EventTypes.Image, "tag", "sha256:" + new string('e', 64), new Dictionary<string, string> { ["name"] = "busybox:1" });
    }

    private static string Now() => (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> GetEventsAsync(TestDaemon daemon, string query)
    {
        using var response = await daemon.Http.GetAsync("/v1.47/events?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public async Task UntilInThePastReplaysAndCloses()
    {
        await using var daemon = await TestDaemon.StartAsync();
        PublishSample(daemon);
        var events = await GetEventsAsync(daemon, "since=0&until=" + Now());
        Assert.Equal(["create", "start", "tag"], events.Select(e => e.GetProperty("Action").GetString()));
        var create = events[0];
        Assert.Equal(["status", "id", "from", "Type", "Action", "Actor", "scope", "time", "timeNano"], create.EnumerateObject().Select(p => p.Name));
        Assert.Equal("create", create.GetProperty("status").GetString());
        Assert.Equal(ContainerId, create.GetProperty("id").GetString());
        Assert.Equal("busybox", create.GetProperty("from").GetString());
        Assert.Equal(["image", "name", "tier"], create.GetProperty("Actor").GetProperty("Attributes").EnumerateObject().Select(p => p.Name));
        Assert.False(events[2].TryGetProperty("from", out _)); // images have no "from"
    }

    [Fact]
    public async Task FiltersApplyAndUnknownFiltersAreRejected()
    {
        await using var daemon = await TestDaemon.StartAsync();
        PublishSample(daemon);
        var filters = Uri.EscapeDataString("{\"type\":[\"container\"],\"label\":{\"tier=front\":true},\"event\":[\"start\"]}");
        var events = await GetEventsAsync(daemon, $"until={Now()}&filters={filters}");
        Assert.Equal("start", Assert.Single(events).GetProperty("Action").GetString());

        using var bad = await daemon.Http.GetAsync("/events?filters=" + Uri.EscapeDataString("{\"colour\":[\"red\"]}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("invalid filter 'colour'", error.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task DockerDotNetMonitorsEvents()
    {
        await using var daemon = await TestDaemon.StartAsync();
        PublishSample(daemon);
        using var docker = daemon.CreateDockerClient();
        var received = new List<Message>();
        await docker.System.MonitorEventsAsync(
            new ContainerEventsParameters
            {
                Since = "0",
                Until = Now(),
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["container"] = new Dictionary<string, bool> { ["web"] = true } },
            },
            new SynchronousProgress<Message>(received.Add),
            CancellationToken.None);
        Assert.Equal(["create", "start"], received.Select(m => m.Action));
        Assert.All(received, m => Assert.Equal("web", m.Actor.Attributes["name"]));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
