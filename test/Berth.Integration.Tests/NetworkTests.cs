using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>The default bridge, published ports and teardown, with real traffic over loopback.</summary>
[Collection(EngineCollection.Name)]
public sealed class NetworkTests(EngineFixture engine)
{
    [Fact]
    public async Task APublishedPortServesBusyboxHttpdOnTheHostsLoopbackAndLeavesNothingAfterRemoval()
    {
        var id = (await engine.Berth("run", "-d", "--name", "nt-web", "-p", "18080:80", "busybox",
            "sh", "-c", "mkdir -p /www && echo served > /www/index.html && httpd -f -p 80 -h /www")).EnsureSuccess().Stdout.Trim();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            string? body = null;
            await Poll.UntilAsync(async () =>
            {
                try { body = await http.GetStringAsync("http://127.0.0.1:18080/index.html"); return true; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(20));
            Assert.Equal("served\n", body);

            var settings = JsonDocument.Parse((await engine.Berth("inspect", "-f", "{{json .NetworkSettings}}", "nt-web")).EnsureSuccess().Stdout).RootElement;
            var bridge = settings.GetProperty("Networks").GetProperty("bridge");
            Assert.StartsWith(engine.Daemon.BridgeIp[..engine.Daemon.BridgeIp.LastIndexOf('.')], bridge.GetProperty("IPAddress").GetString());
            Assert.Equal("18080", settings.GetProperty("Ports").GetProperty("80/tcp")[0].GetProperty("HostPort").GetString());
            Assert.Contains("80/tcp -> 0.0.0.0:18080", (await engine.Berth("port", "nt-web")).EnsureSuccess().Stdout);
            Assert.Contains("vb" + id[..10] + "0", Directory.EnumerateDirectories("/sys/class/net").Select(Path.GetFileName));

            var busy = await engine.Berth("run", "-d", "--name", "nt-busy", "-p", "18080:80", "busybox", "sleep", "60");
            Assert.NotEqual(0, busy.ExitCode);
            Assert.Contains("port is already allocated", busy.Stderr);
            var busyState = (await engine.Berth("inspect", "-f", "{{.State.Status}}", "nt-busy")).EnsureSuccess().Stdout.Trim();
            Assert.NotEqual("running", busyState);
        }
        finally
        {
            await engine.Berth("rm", "-f", "nt-web", "nt-busy");
        }
        Assert.DoesNotContain("vb" + id[..10] + "0", Directory.EnumerateDirectories("/sys/class/net").Select(Path.GetFileName));
        Assert.DoesNotContain("berth:" + id, await NetworkCleanup.IptablesAsync());
        Assert.False(File.Exists(Path.Combine(engine.Daemon.ExecRoot, "netns", id)));
    }

    [Fact]
    public async Task NetworkNoneHasOnlyLoopbackAndTheBridgeReachesTheGateway()
    {
        var none = await engine.Berth("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net");
        Assert.Equal("lo", none.EnsureSuccess().Stdout.Trim());
        var gateway = engine.Daemon.BridgeIp[..engine.Daemon.BridgeIp.IndexOf('/')];
        var ping = await engine.Berth("run", "--rm", "busybox", "ping", "-c1", "-W2", gateway);
        Assert.Contains("1 packets received", ping.EnsureSuccess().Stdout);
    }
}
