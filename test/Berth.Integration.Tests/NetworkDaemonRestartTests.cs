using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>A container that dies while berthd is away leaves no veth, namespace, NAT rule or lease once berthd is back.</summary>
public sealed class NetworkDaemonRestartTests
{
    [Fact]
    public async Task NetworkingOfAContainerThatDiedWhileBerthdWasKilledIsTornDownAtStartup()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var cli = daemon.Cli();
        using (var dir = new TempDir("bb-"))
            (await cli.RunAsync("berth", ["import", "-c", "CMD [\"sh\"]", BusyboxRootfs.CreateTar(dir.Combine("r.tar")), "busybox"])).EnsureSuccess();
        var id = (await cli.RunAsync("berth", ["run", "-d", "-p", "18191:80", "busybox", "sh", "-c", "sleep 2; exit 3"])).EnsureSuccess().Stdout.Trim();
        var survivor = (await cli.RunAsync("berth", ["run", "-d", "-p", "18192:80", "busybox", "sleep", "60"])).EnsureSuccess().Stdout.Trim();
        Assert.Contains("berth:" + id, await NetworkCleanup.IptablesAsync());

        daemon.KillHard();
        await Poll.UntilAsync(() => Directory.EnumerateFiles(Path.Combine(daemon.ExecRoot, "s"), "exit.json", SearchOption.AllDirectories).Any(),
            TimeSpan.FromSeconds(15));
        await daemon.RestartAsync();

        Assert.Equal("exited 3", (await cli.RunAsync("berth", ["inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", id])).EnsureSuccess().Stdout.Trim());
        var rules = await NetworkCleanup.IptablesAsync();
        Assert.DoesNotContain("berth:" + id, rules);
        Assert.Contains("berth:" + survivor, rules);
        await Poll.UntilAsync(() => !Directory.Exists($"/sys/class/net/vb{id[..10]}0"), TimeSpan.FromSeconds(10)); // goes with its namespace
        Assert.True(Directory.Exists($"/sys/class/net/vb{survivor[..10]}0"));
        Assert.False(File.Exists(Path.Combine(daemon.ExecRoot, "netns", id)));
        var bridge = JsonDocument.Parse((await cli.RunAsync("berth", ["network", "inspect", "bridge"])).EnsureSuccess().Stdout).RootElement[0];
        Assert.Equal([survivor], bridge.GetProperty("Containers").EnumerateObject().Select(p => p.Name));

        (await cli.RunAsync("berth", ["rm", "-f", survivor])).EnsureSuccess();
        Assert.DoesNotContain("berth:" + survivor, await NetworkCleanup.IptablesAsync());
        Assert.Empty(JsonDocument.Parse((await cli.RunAsync("berth", ["network", "inspect", "bridge"])).EnsureSuccess().Stdout).RootElement[0]
            .GetProperty("Containers").EnumerateObject());
    }
}
