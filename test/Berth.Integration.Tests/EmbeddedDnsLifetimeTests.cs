using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>
/// The embedded DNS server follows a container's user networks, as in Docker: a default-bridge container has the
/// bridge's resolv.conf (<c>--dns</c>/<c>--dns-search</c> kept) and no server; connecting it to a user network
/// starts the server and points resolv.conf at 127.0.0.11, disconnecting it from the last one reverses both.
/// Peers never show up in /etc/hosts (they are DNS names).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EmbeddedDnsLifetimeTests(EngineFixture engine)
{
    private const string BridgeResolvConf = "nameserver 10.1.2.3\nsearch corp.test\noptions timeout:1\n";

    [Fact]
    public async Task DisconnectFromTheLastUserNetworkStopsTheServerAndRestoresTheBridgeResolvConf()
    {
        (await engine.Berth("network", "create", "--subnet", "10.199.93.0/24", "dl-net")).EnsureSuccess();
        try
        {
            var box = (await engine.Berth("run", "-d", "--name", "dl-box", "--dns", "10.1.2.3", "--dns-search", "corp.test", "--dns-option", "timeout:1",
                "busybox", "sleep", "120")).EnsureSuccess().Stdout.Trim();
            var hostname = box[..12];
            (await engine.Berth("run", "-d", "--name", "dl-peer", "--network", "dl-net", "busybox", "sleep", "120")).EnsureSuccess();
            var peerIp = await IpAsync("dl-peer", "dl-net");
            Assert.Equal(BridgeResolvConf, await ResolvConfAsync("dl-box"));
            Assert.NotEqual(0, (await engine.Berth("exec", "dl-box", "nslookup", "dl-peer", "127.0.0.11")).ExitCode);

            (await engine.Berth("network", "connect", "dl-net", "dl-box")).EnsureSuccess();
            var embedded = await ResolvConfAsync("dl-box");
            Assert.Contains("nameserver 127.0.0.11\nsearch corp.test\noptions timeout:1 ndots:0\n", embedded);
            Assert.Contains("ExtServers: [10.1.2.3]", embedded);
            Assert.Contains("Address: " + peerIp, (await engine.Berth("exec", "dl-box", "nslookup", "dl-peer", "127.0.0.11")).EnsureSuccess().Stdout);
            Assert.Contains("1 packets received", (await engine.Berth("exec", "dl-box", "ping", "-c1", "-W2", "dl-peer")).EnsureSuccess().Stdout);
            // Names come from the DNS server only: neither hosts file lists the other container.
            var boxIp = await IpAsync("dl-box", "dl-net");
            var boxHosts = (await engine.Berth("exec", "dl-box", "cat", "/etc/hosts")).EnsureSuccess().Stdout;
            Assert.DoesNotContain("dl-peer", boxHosts);
            Assert.DoesNotContain(peerIp, boxHosts);
            Assert.Contains($"{boxIp}\t{hostname}\n", boxHosts); // its own hostname at its new address
            var peerHosts = (await engine.Berth("exec", "dl-peer", "cat", "/etc/hosts")).EnsureSuccess().Stdout;
            Assert.DoesNotContain("dl-box", peerHosts);
            Assert.DoesNotContain(boxIp, peerHosts);

            (await engine.Berth("network", "disconnect", "dl-net", "dl-box")).EnsureSuccess();
            Assert.Equal(BridgeResolvConf, await ResolvConfAsync("dl-box"));
            Assert.DoesNotContain(boxIp, (await engine.Berth("exec", "dl-box", "cat", "/etc/hosts")).EnsureSuccess().Stdout);
            var gone = await engine.Berth("exec", "dl-box", "nslookup", "dl-peer", "127.0.0.11");
            Assert.NotEqual(0, gone.ExitCode);
            Assert.DoesNotContain(peerIp, gone.Stdout);
            // The peer (still on the network) keeps its server.
            Assert.Contains("Address: " + peerIp, (await engine.Berth("exec", "dl-peer", "nslookup", "dl-peer", "127.0.0.11")).EnsureSuccess().Stdout);

            // And back: a second connect starts a fresh server.
            (await engine.Berth("network", "connect", "dl-net", "dl-box")).EnsureSuccess();
            Assert.Contains("nameserver 127.0.0.11\n", await ResolvConfAsync("dl-box"));
            Assert.Contains("Address: " + peerIp, (await engine.Berth("exec", "dl-box", "nslookup", "dl-peer", "127.0.0.11")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rm", "-f", "dl-box", "dl-peer");
            await engine.Berth("network", "rm", "dl-net");
        }
    }

    private async Task<string> ResolvConfAsync(string container) =>
        (await engine.Berth("exec", container, "cat", "/etc/resolv.conf")).EnsureSuccess().Stdout;

    private async Task<string> IpAsync(string container, string network) =>
        JsonDocument.Parse((await engine.Berth("inspect", "-f", "{{json .NetworkSettings.Networks}}", container)).EnsureSuccess().Stdout)
            .RootElement.GetProperty(network).GetProperty("IPAddress").GetString()!;
}
