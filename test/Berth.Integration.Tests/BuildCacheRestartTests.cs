using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>The build cache across a daemon crash and restart (own daemon: it is killed and started again).</summary>
public sealed class BuildCacheRestartTests
{
    [Fact]
    public async Task CachedStepsSurviveADaemonCrashUntilPruned()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using var dir = new TempDir("bc-");
        (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        var context = dir.Combine("ctx");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM busybox\nCOPY Dockerfile /\nRUN echo built > /built\nCMD [\"cat\", \"/built\"]\n");
        var first = (await cli.RunAsync("berth", ["build", "-q", "-t", "restart:1", context])).EnsureSuccess().Stdout.Trim();

        daemon.KillHard();
        await daemon.RestartAsync();
        var again = (await cli.RunAsync("berth", ["build", "-t", "restart:1", context])).EnsureSuccess().Stdout;
        Assert.Equal(3, again.Split(" ---> Using cache").Length - 1);
        Assert.Contains($"Successfully built {first["sha256:".Length..][..12]}", again);
        Assert.Equal("built\n", (await cli.RunAsync("berth", ["run", "--rm", "restart:1"])).EnsureSuccess().Stdout);

        Assert.Contains("Deleted build cache objects: 3", (await cli.RunAsync("berth", ["builder", "prune", "-f"])).EnsureSuccess().Stdout);
        Assert.DoesNotContain("Using cache", (await cli.RunAsync("berth", ["build", context])).EnsureSuccess().Stdout);
    }
}
