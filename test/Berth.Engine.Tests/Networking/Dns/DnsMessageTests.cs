using Berth.Engine.Networking.Dns;

namespace Berth.Engine.Tests.Networking.Dns;

/// <summary>The DNS message parser and writer on hand-made bytes (RFC 1035 §4).</summary>
public sealed class DnsMessageTests
{
    // ID 0xabcd, RD, one question: db.appnet A IN; one answer whose name is a pointer to the question (offset 12).
    private static readonly byte[] CompressedAnswer =
    [
        0xab, 0xcd, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0,
        2, (byte)'d', (byte)'b', 6, (byte)'a', (byte)'p', (byte)'p', (byte)'n', (byte)'e', (byte)'t', 0, 0, 1, 0, 1,
        0xc0, 12, 0, 1, 0, 1, 0, 0, 2, 0x58, 0, 4, 10, 1, 2, 3,
    ];

    [Fact]
    public void ParsesHeaderQuestionAndACompressedAnswer()
    {
        var message = DnsMessage.Parse(CompressedAnswer);
        Assert.Equal(0xabcd, message.Header.Id);
        Assert.True(message.Header.IsResponse);
        Assert.True(message.Header.RecursionDesired);
        Assert.Equal(DnsResponseCode.NoError, message.Header.ResponseCode);
        Assert.Equal(new DnsQuestion("db.appnet", DnsRecordType.A, DnsRecordType.ClassInternet), Assert.Single(message.Questions));
        var answer = Assert.Single(message.Answers);
        Assert.Equal(("db.appnet", DnsRecordType.A, 600u), (answer.Name, answer.Type, answer.TimeToLive));
        Assert.Equal(new byte[] { 10, 1, 2, 3 }, answer.Data);
    }

    [Fact]
    public void AResponseEchoesTheQueryAndCompressesTheAnswerNameAgainstTheQuestion()
    {
        var query = new DnsHeader(0x1234, 0x0100, 1, 0, 0, 0);
        var questions = new[] { new DnsQuestion("Web.Net", DnsRecordType.A, DnsRecordType.ClassInternet) };
        var bytes = DnsMessageWriter.Response(query, questions, DnsResponseCode.NoError,
            [new DnsResourceRecord("web.net", DnsRecordType.A, DnsRecordType.ClassInternet, 600, [172, 31, 0, 2])], authoritative: true);

        Assert.Equal(12 + 9 + 4 + 2 + 10 + 4, bytes.Length);
        Assert.Equal(new byte[] { 0xc0, 12 }, bytes[25..27]);
        var parsed = DnsMessage.Parse(bytes);
        Assert.Equal((0x1234, true, true, 0), (parsed.Header.Id, parsed.Header.IsResponse, parsed.Header.RecursionDesired, parsed.Header.Opcode));
        Assert.Equal(0x0400, parsed.Header.Flags & 0x0400);
        Assert.Equal("Web.Net", parsed.Questions[0].Name);
        Assert.Equal("Web.Net", parsed.Answers[0].Name);
        Assert.Equal(new byte[] { 172, 31, 0, 2 }, parsed.Answers[0].Data);
    }

    [Fact]
    public void PtrDataIsAName()
    {
        var data = DnsMessageWriter.NameData("db.appnet");
        var offset = 0;
        Assert.Equal("db.appnet", DnsMessage.ReadName(data, ref offset));
        Assert.Equal(data.Length, offset);
    }

    [Fact]
    public void MalformedMessagesAreFormatErrors()
    {
        Assert.False(DnsMessage.TryReadHeader(new byte[11], out _));
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(CompressedAnswer.AsSpan(0, CompressedAnswer.Length - 2)));
        // A pointer to itself (a loop) and a pointer forwards.
        byte[] loop = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1];
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(loop));
        byte[] forward = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 14, 0, 1, 0, 1];
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(forward));
        byte[] labelType = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 1, 0, 1];
        Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(labelType));
        Assert.Throws<DnsFormatException>(() => DnsMessage.Labels(new string('a', 64) + ".net"));
        Assert.Throws<DnsFormatException>(() => DnsMessage.Labels("a..b"));
    }
}
