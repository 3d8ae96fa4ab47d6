using System.Diagnostics;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>The event journal across daemon restarts (own daemon: it is killed and started again).</summary>
public sealed class EventsDaemonRestartTests
{
    [Fact]
    public async Task SinceReachesEventsFromBeforeACrashAndOpenStreamsEndOnShutdown()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        var since = EventsTests.SinceNow();
        (await cli.RunAsync("berth", ["run", "--rm", "--name", "before-crash", "busybox", "true"])).EnsureSuccess();

        daemon.KillHard();
        await daemon.RestartAsync();
        (await cli.RunAsync("berth", ["run", "--rm", "--name", "after-restart", "busybox", "true"])).EnsureSuccess();

        string[] query = ["events", "--since", since, "--until", "0s", "--filter", "type=container", "--format", "{{.Action}} {{.Actor.Attributes.name}}"];
        string[] expected =
        [
            "create before-crash", "attach before-crash", "start before-crash", "die before-crash", "destroy before-crash",
            "create after-restart", "attach after-restart", "start after-restart", "die after-restart", "destroy after-restart",
        ];
        Assert.Equal(expected, (await cli.RunAsync("berth", query)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        query[4] = EventsTests.UntilSoon(); // the docker CLI truncates "0s" to the current second
        Assert.Equal(expected, (await cli.RunAsync("docker", query)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // A client following the stream does not hold up a graceful stop; its stream just ends.
        using var http = daemon.CreateHttpClient(TimeSpan.FromSeconds(60));
        using var response = await http.GetAsync("events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var stopping = Stopwatch.StartNew();
        await daemon.StopAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"berthd took {stopping.Elapsed} to stop");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            Assert.Null(await reader.ReadLineAsync(timeout.Token));
        }
        catch (IOException)
        {
            // the connection closed under the read: ended too
        }
    }
}
