using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Health checks of running containers resume after berthd is killed and started again (live restore).</summary>
public sealed class HealthDaemonRestartTests
{
    [Fact]
    public async Task ProbesResumeAfterADaemonRestart()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        (await cli.RunAsync("berth", ["run", "-d", "--name", "hc-live", "--health-cmd", "true", "--health-interval", "1s", "busybox", "sleep", "300"])).EnsureSuccess();

        async Task<JsonElement> Health()
        {
            var json = (await cli.RunAsync("berth", ["inspect", "-f", "{{json .State.Health}}", "hc-live"])).EnsureSuccess().Stdout;
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        static string LastEnd(JsonElement health) => health.GetProperty("Log")[health.GetProperty("Log").GetArrayLength() - 1].GetProperty("End").GetString()!;

        await Poll.UntilAsync(async () => (await Health()).GetProperty("Status").GetString() == "healthy", TimeSpan.FromSeconds(30), "healthy before the restart");
        daemon.KillHard();
        await daemon.RestartAsync();

        var before = LastEnd(await Health());
        await Poll.UntilAsync(async () =>
        {
            var health = await Health();
            return health.GetProperty("Status").GetString() == "healthy" && string.CompareOrdinal(LastEnd(health), before) > 0;
        }, TimeSpan.FromSeconds(30), "a probe after the restart");
        Assert.Matches(@"\(healthy\)$", (await cli.RunAsync("berth", ["ps", "--format", "{{.Status}}"])).EnsureSuccess().Stdout.Trim());
        (await cli.RunAsync("berth", ["rm", "-f", "hc-live"])).EnsureSuccess();
    }
}
