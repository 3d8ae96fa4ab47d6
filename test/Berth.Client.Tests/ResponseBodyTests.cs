using System.Text;
using Berth.Client.Http;

namespace Berth.Client.Tests;

/// <summary>Response heads and bodies read off a raw stream, as the hand-written HTTP paths do.</summary>
public sealed class ResponseBodyTests
{
    /// <summary>Hands out at most one byte per read, so every boundary falls between reads.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }

    private static TrickleStream Wire(string text) => new(Encoding.ASCII.GetBytes(text));

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloNEXT", "hello")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2;x=y\r\nlo\r\n0\r\n\r\nNEXT", "hello")]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\nNEXT", "")]
    [InlineData("HTTP/1.1 500 Error\r\nConnection: close\r\n\r\nto the end", "to the end")]
    public void ReadsEachFraming_StoppingAtItsEnd(string wire, string expected)
    {
        using var stream = Wire(wire);
        var (head, rest) = ResponseHead.Read(stream);
        var body = ResponseBody.Read(stream, head, rest);

        Assert.Equal(expected, Encoding.ASCII.GetString(body));
        if (wire.EndsWith("NEXT", StringComparison.Ordinal))
        {
            Assert.True(ResponseBody.KeepsConnection(head));
            Assert.Equal("NEXT", new StreamReader(stream).ReadToEnd()); // nothing of the next answer was taken
        }
        else
        {
            Assert.False(ResponseBody.KeepsConnection(head));
        }
    }

    [Fact]
    public async Task AsyncReadGivesTheSameBody()
    {
        using var stream = Wire("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\n{\"message\":\"No such x: y\"}\r\n0\r\n\r\n");
        var (head, rest) = await ResponseHead.ReadAsync(stream, CancellationToken.None);
        var body = await ResponseBody.ReadAsync(stream, head, rest, CancellationToken.None);

        Assert.Equal(404, head.StatusCode);
        Assert.Equal("{\"message\":\"No such x: y\"}", Encoding.ASCII.GetString(body));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-")]
    public void ConnectionClosedTooEarly_IsAnError(string wire)
    {
        using var stream = Wire(wire);
        Assert.Throws<EndOfStreamException>(() =>
        {
            var (head, rest) = ResponseHead.Read(stream);
            ResponseBody.Read(stream, head, rest);
        });
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7fffffff\r\n")]
    [InlineData("SSH-2.0 hello\r\n\r\n")]
    public void MalformedAnswers_AreRejected(string wire)
    {
        using var stream = Wire(wire);
        Assert.Throws<InvalidDataException>(() =>
        {
            var (head, rest) = ResponseHead.Read(stream);
            ResponseBody.Read(stream, head, rest);
        });
    }
}
