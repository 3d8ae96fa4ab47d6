using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Restart policies across a daemon restart (its own daemon, killed with -9 and started again).</summary>
public sealed class RestartPolicyDaemonTests
{
    [Fact]
    public async Task PoliciesDecideWhatComesBackWhenTheDaemonStarts()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        // Exits once when the test says so (while the daemon is away), then stays up on its restart.
        var flakyId = (await cli.RunAsync("berth", ["run", "-d", "--name", "flaky", "--restart", "unless-stopped", "busybox", "sh", "-c",
            "if [ -f /ran ]; then exec sleep 300; fi; touch /ran; until [ -f /go ]; do sleep 0.05; done; exit 3"])).EnsureSuccess().Stdout.Trim();
        (await cli.RunAsync("berth", ["run", "-d", "--name", "user-stopped", "--restart", "unless-stopped", "busybox", "sleep", "300"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["run", "-d", "--name", "always-stopped", "--restart", "always", "busybox", "sleep", "300"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["run", "-d", "--name", "plain", "busybox", "sh", "-c", "exit 4"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["stop", "-t", "0", "user-stopped", "always-stopped"])).EnsureSuccess();

        daemon.KillHard();
        // The container's rootfs is an overlay mount on the host: a file written there is the signal to exit.
        await File.WriteAllTextAsync(Path.Combine(daemon.ExecRoot, "containers", flakyId, "bundle", "rootfs", "go"), "");
        await Poll.UntilAsync(() => Directory.EnumerateFiles(Path.Combine(daemon.ExecRoot, "s"), "exit.json", SearchOption.AllDirectories).Any(),
            TimeSpan.FromSeconds(10), "flaky exits while berthd is down");
        await daemon.RestartAsync();

        async Task<string> State(string name) =>
            (await cli.RunAsync("berth", ["inspect", "-f", "{{.State.Status}} {{.RestartCount}}", name])).EnsureSuccess().Stdout.Trim();
        await Poll.UntilAsync(async () => await State("flaky") == "running 1", TimeSpan.FromSeconds(30), "flaky restarted once");
        await Poll.UntilAsync(async () => (await State("always-stopped")).StartsWith("running", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "always comes back with the daemon");
        Assert.StartsWith("exited", await State("user-stopped"));
        Assert.StartsWith("exited", await State("plain"));

        (await cli.RunAsync("berth", ["rm", "-f", "flaky", "user-stopped", "always-stopped", "plain"])).EnsureSuccess();
    }
}
