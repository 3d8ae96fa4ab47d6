using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>exec into a container that kept running while berthd was restarted (live restore).</summary>
public sealed class ExecDaemonRestartTests
{
    [Fact]
    public async Task ExecWorksAfterADaemonRestart()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["run", "-d", "--name", "keeper", "busybox", "sleep", "600"])).EnsureSuccess();
        // An exec still running when the daemon goes away keeps running and is still reaped.
        (await cli.RunAsync("berth", ["exec", "-d", "keeper", "sh", "-c", "sleep 1; touch /tmp/survived"])).EnsureSuccess();

        daemon.KillHard();
        await daemon.RestartAsync();

        await Poll.UntilAsync(async () => (await cli.RunAsync("berth", ["exec", "keeper", "ls", "/tmp/survived"])).ExitCode == 0,
            TimeSpan.FromSeconds(15), "detached exec to finish");
        var after = (await cli.RunAsync("berth", ["exec", "keeper", "sh", "-c", "echo back; exit 7"]));
        Assert.Equal(7, after.ExitCode);
        Assert.Equal("back\n", after.Stdout);
        Assert.Equal("back\n", (await cli.RunAsync("docker", ["exec", "keeper", "echo", "back"])).EnsureSuccess().Stdout);
        // No zombies left behind in the shim: only the container's init and nothing else under it.
        var top = (await cli.RunAsync("berth", ["top", "keeper"])).EnsureSuccess().Stdout;
        Assert.DoesNotContain("defunct", top);
        (await cli.RunAsync("berth", ["rm", "-f", "keeper"])).EnsureSuccess();
    }
}
