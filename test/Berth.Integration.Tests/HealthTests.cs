using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Health checks through berth and the real docker CLI: probes, ps, inspect, filters, events, on-failure actions.</summary>
[Collection(EngineCollection.Name)]
public sealed class HealthTests(EngineFixture engine)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private async Task<string> Status(string name) =>
        (await engine.Berth("ps", "-a", "--filter", $"name=^{name}$", "--format", "{{.Status}}")).EnsureSuccess().Stdout.Trim();

    private async Task<JsonElement> Health(string name)
    {
        var json = (await engine.Berth("inspect", "-f", "{{json .State.Health}}", name)).EnsureSuccess().Stdout;
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private async Task<string[]> Names(params string[] filters)
    {
        var args = new List<string> { "ps", "-a", "--format", "{{.Names}}" };
        foreach (var filter in filters) args.AddRange(["--filter", filter]);
        return (await engine.Berth([.. args])).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task AHealthyContainerShowsHealthyInPsAndStateHealthInInspect()
    {
        var since = EventsTests.SinceNow();
        (await engine.Berth("run", "-d", "--name", "hc-ok", "--health-cmd", "echo fine", "--health-interval", "1s", "busybox", "sleep", "300")).EnsureSuccess();
        (await engine.Berth("run", "-d", "--name", "hc-slow", "--health-cmd", "true", "--health-interval", "1h", "busybox", "sleep", "300")).EnsureSuccess();
        (await engine.Berth("run", "-d", "--name", "hc-none", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            Assert.Matches(@"^Up .* \(health: starting\)$", await Status("hc-slow"));
            Assert.Equal("starting", (await Health("hc-slow")).GetProperty("Status").GetString());
            await Poll.UntilAsync(async () => (await Status("hc-ok")).EndsWith("(healthy)", StringComparison.Ordinal), Timeout, "hc-ok healthy");
            Assert.Matches(@"^Up .* \(healthy\)$", await Status("hc-ok"));
            Assert.Matches(@"^Up [^()]+$", await Status("hc-none")); // no health suffix; "Up Less than a second" is fine

            var health = await Health("hc-ok");
            Assert.Equal("healthy", health.GetProperty("Status").GetString());
            Assert.Equal(0, health.GetProperty("FailingStreak").GetInt32());
            var probe = health.GetProperty("Log")[0];
            Assert.Equal(0, probe.GetProperty("ExitCode").GetInt32());
            Assert.Equal("fine\n", probe.GetProperty("Output").GetString());
            Assert.True(DateTimeOffset.Parse(probe.GetProperty("End").GetString()!) >= DateTimeOffset.Parse(probe.GetProperty("Start").GetString()!));
            Assert.Equal("null", (await engine.Berth("inspect", "-f", "{{json .State.Health}}", "hc-none")).EnsureSuccess().Stdout.Trim());

            Assert.Contains("hc-ok", await Names("health=healthy"));
            Assert.DoesNotContain("hc-slow", await Names("health=healthy"));
            Assert.Contains("hc-slow", await Names("health=starting"));
            Assert.Contains("hc-none", await Names("health=none"));
            Assert.DoesNotContain("hc-ok", await Names("health=none"));
            var bad = await engine.Berth("ps", "--filter", "health=great");
            Assert.NotEqual(0, bad.ExitCode);
            Assert.Contains("Unrecognised filter value for health: great", bad.Stderr);

            var events = (await engine.Berth("events", "--since", since, "--until", "0s", "--filter", "container=hc-ok",
                "--filter", "event=health_status", "--format", "{{.Action}}")).EnsureSuccess();
            Assert.Equal("health_status: healthy", events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-ok", "hc-slow", "hc-none");
        }
    }

    [Fact]
    public async Task AFailingCheckMakesItUnhealthyAndStopResetsProbing()
    {
        (await engine.Berth("run", "-d", "--name", "hc-bad", "--health-cmd", "echo sick; exit 1", "--health-interval", "1s", "--health-retries", "2", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await Status("hc-bad")).EndsWith("(unhealthy)", StringComparison.Ordinal), Timeout, "hc-bad unhealthy");
            var health = await Health("hc-bad");
            Assert.Equal("unhealthy", health.GetProperty("Status").GetString());
            Assert.True(health.GetProperty("FailingStreak").GetInt32() >= 2);
            var last = health.GetProperty("Log")[health.GetProperty("Log").GetArrayLength() - 1];
            Assert.Equal(1, last.GetProperty("ExitCode").GetInt32());
            Assert.Equal("sick\n", last.GetProperty("Output").GetString());
            Assert.Contains("hc-bad", await Names("health=unhealthy"));

            // A new start begins again at "starting" with no streak.
            (await engine.Berth("stop", "-t", "1", "hc-bad")).EnsureSuccess();
            (await engine.Berth("start", "hc-bad")).EnsureSuccess();
            var restarted = await Health("hc-bad");
            Assert.True(restarted.GetProperty("Status").GetString() is "starting" or "unhealthy");
            Assert.True(restarted.GetProperty("FailingStreak").GetInt32() <= 2);
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-bad");
        }
    }

    [Fact]
    public async Task PauseSuspendsProbesAndUnpauseResumesThem()
    {
        (await engine.Berth("run", "-d", "--name", "hc-pause", "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await Status("hc-pause")).EndsWith("(healthy)", StringComparison.Ordinal), Timeout, "healthy");
            (await engine.Berth("pause", "hc-pause")).EnsureSuccess();
            Assert.Matches(@"^Up .* \(Paused\)$", await Status("hc-pause"));
            var paused = await Health("hc-pause");
            Assert.Equal("unhealthy", paused.GetProperty("Status").GetString()); // dockerd's report while the monitor is off
            var count = paused.GetProperty("Log").GetArrayLength();
            var last = paused.GetProperty("Log")[count - 1].GetProperty("End").GetString();
            await Assert.ThrowsAsync<TimeoutException>(() => Poll.UntilAsync(async () =>
            {
                var log = (await Health("hc-pause")).GetProperty("Log");
                return log[log.GetArrayLength() - 1].GetProperty("End").GetString() != last;
            }, TimeSpan.FromSeconds(2), "a probe while paused"));

            (await engine.Berth("unpause", "hc-pause")).EnsureSuccess();
            await Poll.UntilAsync(async () => (await Status("hc-pause")).EndsWith("(healthy)", StringComparison.Ordinal), Timeout, "healthy after unpause");
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-pause");
        }
    }

    [Fact]
    public async Task HealthOnFailureKillKillsAnUnhealthyContainer()
    {
        (await engine.Berth("run", "-d", "--name", "hc-kill", "--health-cmd", "exit 1", "--health-interval", "1s", "--health-retries", "1",
            "--health-on-failure=kill", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            Assert.Equal("kill", (await engine.Berth("inspect", "-f", "{{index .Config.Labels \"io.berth.health-on-failure\"}}", "hc-kill")).EnsureSuccess().Stdout.Trim());
            await Poll.UntilAsync(async () => (await engine.Berth("inspect", "-f", "{{.State.Status}}", "hc-kill")).Stdout.Trim() == "exited", Timeout, "the kill");
            Assert.Equal("137 unhealthy",
                (await engine.Berth("inspect", "-f", "{{.State.ExitCode}} {{.State.Health.Status}}", "hc-kill")).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-kill");
        }
    }

    [Fact]
    public async Task HealthOnFailureStopStopsAnUnhealthyContainer()
    {
        (await engine.Berth("run", "-d", "--name", "hc-stop", "--stop-timeout", "1", "--health-cmd", "exit 1", "--health-interval", "1s",
            "--health-retries", "1", "--health-on-failure", "stop", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await engine.Berth("inspect", "-f", "{{.State.Status}}", "hc-stop")).Stdout.Trim() == "exited", Timeout, "the stop");
            Assert.Matches(@"^Exited \(\d+\) ", await Status("hc-stop"));
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-stop");
        }
    }

    [Fact]
    public async Task HealthOnFailureRestartRestartsAnUnhealthyContainer()
    {
        (await engine.Berth("run", "-d", "--name", "hc-restart", "--stop-timeout", "1", "--health-cmd", "exit 1", "--health-interval", "1s", "--health-retries", "1",
            "--health-on-failure", "restart", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            var firstStart = (await engine.Berth("inspect", "-f", "{{.State.StartedAt}}", "hc-restart")).EnsureSuccess().Stdout.Trim();
            await Poll.UntilAsync(async () =>
            {
                var now = (await engine.Berth("inspect", "-f", "{{.State.Status}} {{.State.StartedAt}}", "hc-restart")).Stdout.Trim();
                return now.StartsWith("running ", StringComparison.Ordinal) && !now.EndsWith(firstStart, StringComparison.Ordinal);
            }, Timeout, "a restart");
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-restart");
        }
    }

    [Fact]
    public async Task DockerCliRunsHealthChecks()
    {
        (await engine.Docker("run", "-d", "--name", "hc-docker", "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "300")).EnsureSuccess();
        (await engine.Docker("create", "--name", "hc-docker-off", "--no-healthcheck", "busybox")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await engine.Docker("ps", "--filter", "name=hc-docker$", "--format", "{{.Status}}")).Stdout.Trim().EndsWith("(healthy)", StringComparison.Ordinal),
                Timeout, "docker ps (healthy)");
            Assert.Equal("healthy", (await engine.Docker("inspect", "-f", "{{.State.Health.Status}}", "hc-docker")).EnsureSuccess().Stdout.Trim());
            Assert.Contains("hc-docker", (await engine.Docker("ps", "--filter", "health=healthy", "--format", "{{.Names}}")).EnsureSuccess().Stdout);
            Assert.Equal("[NONE]", (await engine.Docker("inspect", "-f", "{{.Config.Healthcheck.Test}}", "hc-docker-off")).EnsureSuccess().Stdout.Trim());

            var tooShort = await engine.Docker("create", "--health-cmd", "true", "--health-interval", "500us", "busybox");
            Assert.NotEqual(0, tooShort.ExitCode);
            Assert.Contains("Interval in Healthcheck cannot be less than 1ms", tooShort.Stderr);
        }
        finally
        {
            await engine.Docker("rm", "-f", "hc-docker", "hc-docker-off");
        }
    }

    [Fact]
    public async Task ImageHealthcheckIsMergedWithTheContainersFields()
    {
        using var dir = new TempDir("hc-img-");
        var tar = BusyboxRootfs.CreateTar(dir.Combine("rootfs.tar"));
        (await engine.Berth("import", "-c", "CMD [\"sleep\", \"300\"]", "-c", "HEALTHCHECK --interval=1h --retries=7 CMD echo from-image",
            tar, "busybox-hc:latest")).EnsureSuccess();
        try
        {
            (await engine.Berth("create", "--name", "hc-merge", "--health-interval", "2s", "busybox-hc")).EnsureSuccess();
            (await engine.Berth("create", "--name", "hc-off", "--no-healthcheck", "busybox-hc")).EnsureSuccess();
            var merged = (await engine.Berth("inspect", "-f", "{{json .Config.Healthcheck}}", "hc-merge")).EnsureSuccess().Stdout;
            var config = JsonDocument.Parse(merged).RootElement;
            Assert.Equal("CMD-SHELL", config.GetProperty("Test")[0].GetString());
            Assert.Equal("echo from-image", config.GetProperty("Test")[1].GetString());
            Assert.Equal(2_000_000_000, config.GetProperty("Interval").GetInt64());
            Assert.Equal(7, config.GetProperty("Retries").GetInt32());
            Assert.Equal("[NONE]", (await engine.Berth("inspect", "-f", "{{.Config.Healthcheck.Test}}", "hc-off")).EnsureSuccess().Stdout.Trim());

            var bad = await engine.Berth("create", "--health-timeout", "10us", "busybox-hc");
            Assert.NotEqual(0, bad.ExitCode);
            Assert.Contains("Timeout in Healthcheck cannot be less than 1ms", bad.Stderr);
        }
        finally
        {
            await engine.Berth("rm", "-f", "hc-merge", "hc-off");
            await engine.Berth("rmi", "busybox-hc:latest");
        }
    }

    [Fact]
    public async Task WaitConditions()
    {
        // not-running: a container that is not running answers at once with its exit code.
        Assert.Equal(3, (await engine.Berth("run", "--name", "w-exited", "busybox", "sh", "-c", "exit 3")).ExitCode);
        Assert.Equal("3", (await engine.Berth("wait", "--condition", "not-running", "w-exited")).EnsureSuccess().Stdout.Trim());
        Assert.Equal("3", (await engine.Berth("wait", "w-exited")).EnsureSuccess().Stdout.Trim());

        var bad = await engine.Berth("wait", "--condition", "bogus", "w-exited");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("invalid condition: \"bogus\"", bad.Stderr);

        // next-exit: waits for an exit even of a stopped container; start and stop it until the wait has seen one.
        var nextExit = engine.Berth("wait", "--condition", "next-exit", "w-exited");
        await Poll.UntilAsync(async () =>
        {
            if (nextExit.IsCompleted) return true;
            await engine.Berth("start", "w-exited"); // may find it still running from the last round
            return nextExit.IsCompleted;
        }, Timeout, "wait --condition next-exit to return");
        Assert.Equal("3", (await nextExit).EnsureSuccess().Stdout.Trim());

        // removed: returns when the container is gone (a wait that came too late finds no container: try again).
        var removedSeen = false;
        for (var attempt = 0; attempt < 10 && !removedSeen; attempt++)
        {
            (await engine.Berth("create", "--name", "w-removed", "busybox", "true")).EnsureSuccess();
            var removed = engine.Berth("wait", "--condition", "removed", "w-removed");
            (await engine.Berth("rm", "w-removed")).EnsureSuccess();
            var result = await removed;
            if (result.Succeeded)
            {
                Assert.Equal("0", result.Stdout.Trim());
                removedSeen = true;
            }
            else
            {
                Assert.Contains("No such container", result.Stderr);
            }
        }
        Assert.True(removedSeen, "wait --condition removed never returned for a removal");
        (await engine.Berth("rm", "-f", "w-exited")).EnsureSuccess();
    }
}
