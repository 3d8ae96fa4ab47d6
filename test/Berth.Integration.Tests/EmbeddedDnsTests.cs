using System.Net;
using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>
/// The embedded DNS server at 127.0.0.11 with real containers on user networks: members by name and alias
/// (also one started after the asker), other networks invisible, other names forwarded to the upstream (a test
/// responder on the host's loopback, given as <c>--dns</c>), and nothing of it left after <c>rm</c>.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EmbeddedDnsTests(EngineFixture engine)
{
    [Fact]
    public async Task ContainersResolveMembersOfTheirNetworksThroughTheEmbeddedServerAndOtherNamesUpstream()
    {
        await using var upstream = new DnsTestResponder(new IPEndPoint(IPAddress.Parse("127.0.0.153"), 53), IPAddress.Parse("192.0.2.77"));
        var baselineSockets = BerthdSockets();
        (await engine.Berth("network", "create", "--subnet", "10.199.91.0/24", "dns-a")).EnsureSuccess();
        (await engine.Berth("network", "create", "--subnet", "10.199.92.0/24", "dns-b")).EnsureSuccess();
        try
        {
            (await engine.Berth("run", "-d", "--name", "dns-asker", "--network", "dns-a", "--dns", "127.0.0.153", "busybox", "sleep", "120")).EnsureSuccess();
            var resolv = (await engine.Berth("exec", "dns-asker", "cat", "/etc/resolv.conf")).EnsureSuccess().Stdout;
            Assert.Contains("nameserver 127.0.0.11\n", resolv);
            Assert.Contains("ndots:0", resolv);
            Assert.Contains("ExtServers: [127.0.0.153]", resolv);

            // Started after the asker: resolvable at once, without touching the asker.
            (await engine.Berth("run", "-d", "--name", "dns-db", "--network", "dns-a", "--network-alias", "database", "busybox", "sleep", "120")).EnsureSuccess();
            (await engine.Berth("run", "-d", "--name", "dns-hidden", "--network", "dns-b", "busybox", "sleep", "120")).EnsureSuccess();
            var dbIp = await IpAsync("dns-db", "dns-a");
            var hiddenIp = await IpAsync("dns-hidden", "dns-b");

            var byName = await engine.Berth("exec", "dns-asker", "nslookup", "dns-db", "127.0.0.11");
            Assert.Contains("Address: " + dbIp, byName.EnsureSuccess().Stdout);
            Assert.Contains("Address: " + dbIp, (await engine.Berth("exec", "dns-asker", "nslookup", "database", "127.0.0.11")).EnsureSuccess().Stdout);
            // <name>.<network> is in no /etc/hosts: getaddrinfo (ping) can only have it from the DNS server.
            Assert.DoesNotContain("dns-db.dns-a", (await engine.Berth("exec", "dns-asker", "cat", "/etc/hosts")).EnsureSuccess().Stdout);
            var ping = await engine.Berth("exec", "dns-asker", "ping", "-c1", "-W2", "dns-db.dns-a");
            Assert.Contains("1 packets received", ping.EnsureSuccess().Stdout);
            Assert.Contains(dbIp, ping.Stdout);
            Assert.Contains("1 packets received", (await engine.Berth("exec", "dns-asker", "ping", "-c1", "-W2", "dns-db")).EnsureSuccess().Stdout);

            // Another network's member is not a name here (the upstream answers every name with its own address).
            var hidden = await engine.Berth("exec", "dns-asker", "nslookup", "dns-hidden", "127.0.0.11");
            Assert.DoesNotContain(hiddenIp, hidden.Stdout);

            var external = await engine.Berth("exec", "dns-asker", "nslookup", "external.example", "127.0.0.11");
            Assert.Contains("Address: 192.0.2.77", external.EnsureSuccess().Stdout);
            Assert.True(upstream.Served >= 1);

            // A default-bridge container that joins the network later gets the server and a rewritten resolv.conf.
            (await engine.Berth("run", "-d", "--name", "dns-joiner", "busybox", "sleep", "120")).EnsureSuccess();
            Assert.DoesNotContain("127.0.0.11", (await engine.Berth("exec", "dns-joiner", "cat", "/etc/resolv.conf")).EnsureSuccess().Stdout);
            (await engine.Berth("network", "connect", "dns-a", "dns-joiner")).EnsureSuccess();
            Assert.Contains("nameserver 127.0.0.11", (await engine.Berth("exec", "dns-joiner", "cat", "/etc/resolv.conf")).EnsureSuccess().Stdout);
            Assert.Contains("Address: " + dbIp, (await engine.Berth("exec", "dns-joiner", "nslookup", "database", "127.0.0.11")).EnsureSuccess().Stdout);
            Assert.Contains("Address: " + await IpAsync("dns-joiner", "dns-a"),
                (await engine.Berth("exec", "dns-db", "nslookup", "dns-joiner.dns-a", "127.0.0.11")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rm", "-f", "dns-asker", "dns-db", "dns-hidden", "dns-joiner");
            await engine.Berth("network", "rm", "dns-a", "dns-b");
        }
        // No listener socket and no namespace thread outlives the containers.
        await Poll.UntilAsync(() => BerthdSockets() <= baselineSockets, TimeSpan.FromSeconds(10), "berthd's socket count back at its baseline");
        Assert.DoesNotContain(Directory.EnumerateDirectories($"/proc/{engine.Daemon.Pid}/task"),
            t => File.ReadAllText(Path.Combine(t, "comm")).StartsWith("berth-netns", StringComparison.Ordinal));
    }

    private async Task<string> IpAsync(string container, string network) =>
        JsonDocument.Parse((await engine.Berth("inspect", "-f", "{{json .NetworkSettings.Networks}}", container)).EnsureSuccess().Stdout)
            .RootElement.GetProperty(network).GetProperty("IPAddress").GetString()!;

    private int BerthdSockets() => Directory.EnumerateFileSystemEntries($"/proc/{engine.Daemon.Pid}/fd").Count(IsSocket);

    private static bool IsSocket(string fd)
    {
        try
        {
            return File.ResolveLinkTarget(fd, false)?.ToString().StartsWith("socket:", StringComparison.Ordinal) == true;
        }
        catch (IOException)
        {
            return false; // closed meanwhile
        }
    }
}
