using System.Globalization;
using System.Net;
using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>events</c> through berth, the raw API and the real docker CLI: order, filters, formats, live streaming.</summary>
[Collection(EngineCollection.Name)]
public sealed class EventsTests(EngineFixture engine)
{
    private static readonly string[] RunRmActions = ["create", "attach", "start", "die", "destroy"];

    /// <summary>A <c>--since</c> value a little before now, as the docker CLI sends it.</summary>
    internal static string SinceNow() =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An <c>--until</c> just past now for the docker CLI, which turns durations such as <c>0s</c> into whole seconds
    /// (so <c>--until 0s</c> can miss events of the current second, with dockerd too).
    /// </summary>
    internal static string UntilSoon() =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);

    private static string[] Lines(CliResult result) =>
        result.EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task RunRmReportsCreateStartDieDestroyInOrder()
    {
        var since = SinceNow();
        Assert.Equal(3, (await engine.Berth("run", "--rm", "--name", "ev-order", "--label", "suite=events", "busybox", "sh", "-c", "exit 3")).ExitCode);
        var actions = Lines(await engine.Berth("events", "--since", since, "--until", "0s", "--filter", "container=ev-order", "--format", "{{.Action}}"));
        Assert.Equal(RunRmActions, actions);

        var json = Lines(await engine.Berth("events", "--since", since, "--until", "0s", "--filter", "container=ev-order", "--filter", "event=die", "--format", "json"));
        using var die = JsonDocument.Parse(Assert.Single(json));
        var root = die.RootElement;
        Assert.Equal("die", root.GetProperty("status").GetString());
        Assert.Equal("busybox", root.GetProperty("from").GetString());
        Assert.Equal("container", root.GetProperty("Type").GetString());
        Assert.Equal("local", root.GetProperty("scope").GetString());
        var attributes = root.GetProperty("Actor").GetProperty("Attributes");
        Assert.Equal("3", attributes.GetProperty("exitCode").GetString());
        Assert.Equal("ev-order", attributes.GetProperty("name").GetString());
        Assert.Equal("events", attributes.GetProperty("suite").GetString());
        Assert.Equal(root.GetProperty("id").GetString(), root.GetProperty("Actor").GetProperty("ID").GetString());
        Assert.Equal(root.GetProperty("time").GetInt64(), root.GetProperty("timeNano").GetInt64() / 1_000_000_000);
    }

    [Fact]
    public async Task DockerCliSeesTheSameEventsInTheSameFormat()
    {
        var since = SinceNow();
        (await engine.Docker("run", "--rm", "--name", "ev-docker", "busybox", "true")).EnsureSuccess();
        var until = UntilSoon();
        string[] query = ["events", "--since", since, "--until", until, "--filter", "container=ev-docker"];

        var docker = Lines(await engine.Docker(query));
        Assert.Equal(5, docker.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}(Z|[+-]\d\d:\d\d) container create [0-9a-f]{64} \(image=busybox, name=ev-docker\)$", docker[0]);
        Assert.Matches(@" container attach [0-9a-f]{64} \(image=busybox, name=ev-docker\)$", docker[1]);
        Assert.Matches(@" container die [0-9a-f]{64} \(execDuration=\d+, exitCode=0, image=busybox, name=ev-docker\)$", docker[3]);
        Assert.Equal(docker, Lines(await engine.Berth(query))); // berth prints exactly what docker prints

        Assert.Equal(RunRmActions, Lines(await engine.Docker([.. query, "--format", "{{.Status}}"])));
        Assert.Equal(["die"], Lines(await engine.Docker([.. query, "--filter", "event=die", "--format", "{{.Action}}"])));
        Assert.Equal(["ev-docker"], Lines(await engine.Docker([.. query, "--filter", "type=container", "--filter", "event=create", "--format", "{{.Actor.Attributes.name}}"])));
    }

    [Fact]
    public async Task FiltersSelectByTypeEventLabelImageAndContainer()
    {
        var since = SinceNow();
        (await engine.Berth("run", "--rm", "--name", "ev-labelled", "--label", "team=blue", "busybox", "true")).EnsureSuccess();
        (await engine.Berth("run", "--rm", "--name", "ev-plain", "busybox", "true")).EnsureSuccess();
        (await engine.Berth("tag", "busybox", "ev-tagged:1")).EnsureSuccess();
        (await engine.Berth("rmi", "ev-tagged:1")).EnsureSuccess();

        Task<CliResult> Events(params string[] filters) =>
            engine.Berth(["events", "--since", since, "--until", "0s", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}",
                .. filters.SelectMany(f => new[] { "--filter", f })]);

        Assert.Equal(RunRmActions.Select(a => $"container {a} ev-labelled"), Lines(await Events("label=team=blue")));
        Assert.Equal(RunRmActions.Select(a => $"container {a} ev-labelled"), Lines(await Events("label=team")));
        Assert.Empty(Lines(await Events("label=team=red")));
        Assert.Equal(["container start ev-labelled", "container start ev-plain"],
                        // The since window is whole seconds: other tests' containers may fall in it, so look at this test's two.
            Lines(await Events("event=start", "type=container")).Where(l => l.EndsWith(" ev-labelled", StringComparison.Ordinal) || l.EndsWith(" ev-plain", StringComparison.Ordinal)));
        Assert.Equal(["container destroy ev-plain"], Lines(await Events("container=ev-plain", "event=destroy")));
        var images = Lines(await Events("type=image", "image=ev-tagged"));
        Assert.Equal(["image tag ev-tagged:1"], images);
        var imageEvents = Lines(await Events("type=image")).Select(l => l.Split(' ')[1]).ToList();
        Assert.Contains("tag", imageEvents);
        Assert.Contains("untag", imageEvents);
        Assert.DoesNotContain(Lines(await Events("type=image")), l => l.StartsWith("container", StringComparison.Ordinal));
        Assert.Equal(["ev-plain"], Lines(await engine.Docker("events", "--since", since, "--until", UntilSoon(), "--filter", "container=ev-plain",
            "--filter", "event=create", "--format", "{{.Actor.Attributes.name}}")));
    }

    [Fact]
    public async Task LiveStreamDeliversEventsAsTheyHappen()
    {
        using var http = engine.Daemon.CreateHttpClient(TimeSpan.FromSeconds(60));
        var filters = Uri.EscapeDataString("{\"container\":{\"ev-live\":true}}");
        using var response = await http.GetAsync($"v1.47/events?filters={filters}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // Subscribed once the headers are in: everything from here on arrives live.
        (await engine.Berth("run", "--rm", "--name", "ev-live", "busybox", "true")).EnsureSuccess();
        var actions = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (actions.Count < RunRmActions.Length && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            using var ev = JsonDocument.Parse(line);
            actions.Add(ev.RootElement.GetProperty("Action").GetString()!);
        }
        Assert.Equal(RunRmActions, actions);
    }

    [Fact]
    public async Task BadRequestsAreRejectedLikeDockerd()
    {
        var bad = await engine.Berth("events", "--until", "0s", "--filter", "colour=red");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("invalid filter 'colour'", bad.Stderr);
        var docker = await engine.Docker("events", "--until", "0s", "--filter", "colour=red");
        Assert.NotEqual(0, docker.ExitCode);
        Assert.Contains("invalid filter 'colour'", docker.Stderr);

        using var http = engine.Daemon.CreateHttpClient();
        using var reversed = await http.GetAsync("events?since=200&until=100");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        using var error = JsonDocument.Parse(await reversed.Content.ReadAsStringAsync());
        Assert.Equal("`since` time (200) cannot be after `until` time (100)", error.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RestartPolicyRestartsShowAsDieThenStart()
    {
        var since = SinceNow();
        (await engine.Berth("run", "-d", "--name", "ev-policy", "--restart", "on-failure:1", "busybox", "sh", "-c", "exit 1")).EnsureSuccess();
        string[] expected = ["create", "start", "die", "start", "die"];
        string[] actions = [];
        await Poll.UntilAsync(async () =>
        {
            actions = Lines(await engine.Berth("events", "--since", since, "--until", "0s", "--filter", "container=ev-policy", "--format", "{{.Action}}"));
            return actions.Length >= expected.Length;
        }, TimeSpan.FromSeconds(20), "the policy restart");
        Assert.Equal(expected, actions);
        (await engine.Berth("rm", "-f", "ev-policy")).EnsureSuccess();
    }
}
