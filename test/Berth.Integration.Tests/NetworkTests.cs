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
        // The host veth goes in the background (with the namespace): absent within a few seconds.
        await Poll.UntilAsync(() => !Directory.Exists($"/sys/class/net/vb{id[..10]}0"), TimeSpan.FromSeconds(10));
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

    [Fact]
    public async Task ContainersOnAUserNetworkResolveEachOtherByNameAndAlias()
    {
        var net = (await engine.Docker("network", "create", "--subnet", "10.199.77.0/24", "--label", "t=nt", "nt-app")).EnsureSuccess().Stdout.Trim();
        try
        {
            Assert.Contains("nt-app", (await engine.Docker("network", "ls")).EnsureSuccess().Stdout);
            var overlap = await engine.Docker("network", "create", "--subnet", "10.199.0.0/16", "nt-overlap");
            Assert.NotEqual(0, overlap.ExitCode);
            Assert.Contains("overlaps", overlap.Stderr);

            (await engine.Docker("run", "-d", "--name", "nt-db", "--network", "nt-app", "--network-alias", "database", "busybox", "sleep", "60")).EnsureSuccess();
            var ping = await engine.Docker("run", "--rm", "--network", "nt-app", "busybox", "sh", "-c", "ping -c1 -W2 nt-db && ping -c1 -W2 database");
            Assert.Contains("1 packets received", ping.EnsureSuccess().Stdout);
            var inspect = JsonDocument.Parse((await engine.Docker("network", "inspect", "nt-app")).EnsureSuccess().Stdout).RootElement[0];
            Assert.Equal("10.199.77.0/24", inspect.GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString());
            Assert.Single(inspect.GetProperty("Containers").EnumerateObject());

            var inUse = await engine.Docker("network", "rm", "nt-app");
            Assert.NotEqual(0, inUse.ExitCode);
            Assert.Contains("active endpoints", inUse.Stderr);

            (await engine.Docker("run", "-d", "--name", "nt-peer", "busybox", "sleep", "60")).EnsureSuccess();
            (await engine.Docker("network", "connect", "nt-app", "nt-peer")).EnsureSuccess();
            Assert.Contains("1 packets received", (await engine.Docker("exec", "nt-peer", "ping", "-c1", "-W2", "nt-db")).EnsureSuccess().Stdout);
            (await engine.Docker("network", "disconnect", "nt-app", "nt-peer")).EnsureSuccess();
            Assert.Equal("eth0\nlo", (await engine.Docker("exec", "nt-peer", "ls", "/sys/class/net")).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await engine.Docker("rm", "-f", "nt-db", "nt-peer");
            await engine.Docker("network", "rm", "nt-app");
        }
        Assert.DoesNotContain("nt-app", (await engine.Docker("network", "ls")).EnsureSuccess().Stdout);
        Assert.False(Directory.Exists($"/sys/class/net/br-{net[..12]}"));
        Assert.DoesNotContain($"br-{net[..12]}", await NetworkCleanup.IptablesAsync());
    }

    [Fact]
    public async Task PublishAllPicksFreeHostPortsAndRunHonoursIpHostnameDnsAndAddHost()
    {
        (await engine.Berth("network", "create", "--subnet", "10.199.88.0/24", "nt-cli")).EnsureSuccess();
        try
        {
            Assert.Contains("nt-cli", (await engine.Berth("network", "ls")).EnsureSuccess().Stdout);
            var id = (await engine.Berth("run", "-d", "--name", "nt-all", "-P", "--expose", "80", "--expose", "81/udp", "busybox",
                "sh", "-c", "mkdir -p /w && echo all > /w/i && httpd -f -p 80 -h /w")).EnsureSuccess().Stdout.Trim();
            var ports = (await engine.Berth("port", "nt-all")).EnsureSuccess().Stdout;
            Assert.Contains("80/tcp -> 0.0.0.0:", ports);
            Assert.Contains("81/udp -> 0.0.0.0:", ports);
            var hostPort = ports.Split('\n').First(l => l.StartsWith("80/tcp", StringComparison.Ordinal)).Split(':')[^1].Trim();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            string? body = null;
            await Poll.UntilAsync(async () =>
            {
                try { body = await http.GetStringAsync($"http://127.0.0.1:{hostPort}/i"); return true; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(20));
            Assert.Equal("all\n", body);
            Assert.Contains($"->80/tcp", (await engine.Berth("ps", "--filter", "name=nt-all", "--format", "{{.Ports}}")).EnsureSuccess().Stdout);
            (await engine.Berth("rm", "-f", id)).EnsureSuccess();

            var run = await engine.Berth("run", "--rm", "--network", "nt-cli", "--ip", "10.199.88.50", "--hostname", "box", "--dns", "10.1.2.3",
                "--add-host", "extra.test:10.9.9.9", "busybox", "sh", "-c", "ip -4 addr show eth0; hostname; cat /etc/resolv.conf /etc/hosts");
            var output = run.EnsureSuccess().Stdout;
            Assert.Contains("inet 10.199.88.50/24", output);
            Assert.Contains("box\n", output);
            Assert.Contains("nameserver 127.0.0.11", output);
            Assert.Contains("ExtServers: [10.1.2.3]", output);
            Assert.Contains("10.9.9.9\textra.test", output);
            Assert.Contains("10.199.88.50\tbox", output);

            var host = await engine.Berth("run", "--rm", "--network", "host", "busybox", "ls", "/sys/class/net");
            Assert.Contains("lo", host.EnsureSuccess().Stdout);
            Assert.NotEqual("lo", host.Stdout.Trim());
        }
        finally
        {
            await engine.Berth("rm", "-f", "nt-all");
            (await engine.Berth("network", "rm", "nt-cli")).EnsureSuccess();
        }
        Assert.DoesNotContain("nt-cli", (await engine.Berth("network", "ls")).EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task DockerCliRunPublishesAPort()
    {
        (await engine.Docker("run", "-d", "--name", "nt-docker", "-p", "127.0.0.1:18090:80/tcp", "busybox",
            "sh", "-c", "mkdir -p /w && echo docker > /w/i && httpd -f -p 80 -h /w")).EnsureSuccess();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            string? body = null;
            await Poll.UntilAsync(async () =>
            {
                try { body = await http.GetStringAsync("http://127.0.0.1:18090/i"); return true; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(20));
            Assert.Equal("docker\n", body);
            Assert.Contains("127.0.0.1:18090", (await engine.Docker("port", "nt-docker", "80")).EnsureSuccess().Stdout);
            Assert.Contains("127.0.0.1:18090->80/tcp", (await engine.Docker("ps", "--filter", "name=nt-docker")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Docker("rm", "-f", "nt-docker");
        }
    }
}
