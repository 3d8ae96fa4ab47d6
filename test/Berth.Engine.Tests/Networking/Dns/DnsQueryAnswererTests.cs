using System.Net;
using System.Net.Sockets;
using Berth.Engine.Networking;
using Berth.Engine.Networking.Dns;
using Berth.Testing;

namespace Berth.Engine.Tests.Networking.Dns;

/// <summary>Local answers, forwarding to an upstream (a test responder on loopback) and the error answers.</summary>
public sealed class DnsQueryAnswererTests
{
    private static readonly List<NetworkRecord> Networks =
    [
        new()
        {
            Id = "n", Name = "app", Bridge = "br-n", Subnet = "10.1.0.0/24", Gateway = "10.1.0.1",
            Leases = new() { ["10.1.0.2"] = new IpLease("asker", "web", []), ["10.1.0.3"] = new IpLease("db1", "db", ["database"]) },
        },
        new()
        {
            Id = "i", Name = "sealed", Bridge = "br-i", Subnet = "10.2.0.0/24", Gateway = "10.2.0.1", Internal = true,
            Leases = new() { ["10.2.0.2"] = new IpLease("inside", "inside", []) },
        },
    ];

    private readonly DnsQueryAnswerer _answerer = new(new DnsNameTable(() => Networks), new DnsForwarder(TimeSpan.FromMilliseconds(300)));

    private static byte[] Query(string name, ushort type, ushort id = 7) =>
        new DnsMessageWriter().Header(new DnsHeader(id, 0x0100, 1, 0, 0, 0)).Question(new DnsQuestion(name, type, DnsRecordType.ClassInternet)).ToArray();

    private async Task<DnsMessage> AskAsync(byte[] query, IReadOnlyList<IPEndPoint>? upstreams = null, string asker = "asker") =>
        DnsMessage.Parse(await _answerer.AnswerAsync(asker, upstreams ?? [], query, overTcp: false, CancellationToken.None) ?? throw new InvalidOperationException("no answer"));

    [Fact]
    public async Task MembersGetARecordsAndAnEmptyAaaa()
    {
        var a = await AskAsync(Query("database", DnsRecordType.A));
        Assert.Equal((7, DnsResponseCode.NoError), (a.Header.Id, a.Header.ResponseCode));
        Assert.Equal(new byte[] { 10, 1, 0, 3 }, Assert.Single(a.Answers).Data);
        var aaaa = await AskAsync(Query("db", DnsRecordType.Aaaa));
        Assert.Equal(DnsResponseCode.NoError, aaaa.Header.ResponseCode);
        Assert.Empty(aaaa.Answers);
        var ptr = await AskAsync(Query("3.0.1.10.in-addr.arpa", DnsRecordType.Ptr));
        var offset = 0;
        Assert.Equal("db.app", DnsMessage.ReadName(Assert.Single(ptr.Answers).Data, ref offset));
    }

    [Fact]
    public async Task OtherNamesAreForwardedAndSilentUpstreamsGiveServfail()
    {
        await using var upstream = new DnsTestResponder(new IPEndPoint(IPAddress.Loopback, 0), IPAddress.Parse("192.0.2.77"));
        var forwarded = await AskAsync(Query("example.com", DnsRecordType.A, id: 0x4242), [upstream.Endpoint]);
        Assert.Equal(0x4242, forwarded.Header.Id);
        Assert.Equal(new byte[] { 192, 0, 2, 77 }, Assert.Single(forwarded.Answers).Data);
        Assert.Equal(1, upstream.Served);
        var overTcp = await _answerer.AnswerAsync("asker", [upstream.Endpoint], Query("tcp.example", DnsRecordType.A, id: 0x4343), overTcp: true, CancellationToken.None);
        Assert.Equal(new byte[] { 192, 0, 2, 77 }, Assert.Single(DnsMessage.Parse(overTcp).Answers).Data);
        Assert.Equal(2, upstream.Served);

        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var failed = await AskAsync(Query("example.com", DnsRecordType.A), [(IPEndPoint)silent.LocalEndPoint!]);
        Assert.Equal(DnsResponseCode.ServerFailure, failed.Header.ResponseCode);

        var sealedOff = await AskAsync(Query("example.com", DnsRecordType.A), [upstream.Endpoint], asker: "inside");
        Assert.Equal(DnsResponseCode.ServerFailure, sealedOff.Header.ResponseCode);
        Assert.Equal(2, upstream.Served);
    }

    [Fact]
    public async Task MalformedQueriesGetFormatErrorsAndResponsesNoAnswer()
    {
        var truncated = Query("db", DnsRecordType.A)[..14];
        Assert.Equal(DnsResponseCode.FormatError, (await AskAsync(truncated)).Header.ResponseCode);
        var response = Query("db", DnsRecordType.A);
        response[2] |= 0x80;
        Assert.Null(await _answerer.AnswerAsync("asker", [], response, false, CancellationToken.None));
        var notQuery = Query("db", DnsRecordType.A);
        notQuery[2] |= 0x10; // opcode 2 (STATUS)
        Assert.Equal(DnsResponseCode.NotImplemented, (await AskAsync(notQuery)).Header.ResponseCode);
    }
}
