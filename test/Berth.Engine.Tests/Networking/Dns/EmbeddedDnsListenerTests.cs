using System.Net;
using System.Net.Sockets;
using Berth.Engine.Networking;
using Berth.Engine.Networking.Dns;
using Berth.Runtime.Commands;
using Berth.Testing;

namespace Berth.Engine.Tests.Networking.Dns;

/// <summary>A listener in a real network namespace (root): it answers over UDP and TCP at 127.0.0.11:53 there, and frees the address when stopped.</summary>
public sealed class EmbeddedDnsListenerTests : IAsyncLifetime
{
    private readonly TempDir _dir = new("dnsns-");
    private string _netns = "";

    public async Task InitializeAsync()
    {
        _netns = _dir.Combine("ns");
        await File.WriteAllBytesAsync(_netns, []);
        await new ProcessCommandRunner().RunAsync("unshare", [$"--net={_netns}", "ip", "link", "set", "lo", "up"],
            new CommandOptions(TimeSpan.FromSeconds(30)), CancellationToken.None);
    }

    private static readonly List<NetworkRecord> Networks =
    [
        new()
        {
            Id = "n", Name = "app", Bridge = "br-n", Subnet = "10.1.0.0/24", Gateway = "10.1.0.1",
            Leases = new() { ["10.1.0.2"] = new IpLease("asker", "web", []), ["10.1.0.3"] = new IpLease("db1", "db", []) },
        },
    ];

    [Fact]
    public async Task AnswersOverUdpAndTcpInsideTheNamespaceAndReleasesTheAddressWhenStopped()
    {
        var servers = new EmbeddedDnsServers(new DnsQueryAnswerer(new DnsNameTable(() => Networks), new DnsForwarder(TimeSpan.FromSeconds(1))),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await servers.StartAsync("asker", _netns, [], CancellationToken.None);
        await servers.StartAsync("asker", _netns, [], CancellationToken.None);
        Assert.Equal(["asker"], servers.Serving);
        var query = new DnsMessageWriter().Header(new DnsHeader(9, 0x0100, 1, 0, 0, 0))
            .Question(new DnsQuestion("db", DnsRecordType.A, DnsRecordType.ClassInternet)).ToArray();

        using (var udp = await NetworkNamespaceThread.EnterAsync(_netns, () => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)))
        {
            await udp.ConnectAsync(EmbeddedDnsListener.Address);
            await udp.SendAsync(query);
            var buffer = new byte[512];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var received = await udp.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            Assert.Equal(new byte[] { 10, 1, 0, 3 }, Assert.Single(DnsMessage.Parse(buffer.AsSpan(0, received)).Answers).Data);
        }
        using (var tcp = await NetworkNamespaceThread.EnterAsync(_netns, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)))
        {
            await tcp.ConnectAsync(EmbeddedDnsListener.Address);
            await using var stream = new NetworkStream(tcp);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await DnsTcpFraming.WriteAsync(stream, query, timeout.Token);
            var reply = await DnsTcpFraming.ReadAsync(stream, timeout.Token);
            Assert.Equal(new byte[] { 10, 1, 0, 3 }, Assert.Single(DnsMessage.Parse(reply).Answers).Data);
        }

        await servers.StopAsync("asker");
        Assert.Empty(servers.Serving);
        // Both ports are free again in the namespace: nothing of the listener is left.
        using var again = await NetworkNamespaceThread.EnterAsync(_netns, () =>
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(EmbeddedDnsListener.Address);
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            tcp.Bind(EmbeddedDnsListener.Address);
            tcp.Dispose();
            return udp;
        });
    }

    public Task DisposeAsync()
    {
        _ = Berth.Core.Interop.Libc.Umount2(_netns, Berth.Core.Interop.Libc.MNT_DETACH);
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
