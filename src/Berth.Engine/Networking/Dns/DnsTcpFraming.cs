using System.Buffers.Binary;

namespace Berth.Engine.Networking.Dns;

/// <summary>DNS over TCP (RFC 1035 §4.2.2): each message preceded by its length as two big-endian bytes.</summary>
public static class DnsTcpFraming
{
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed.AsMemory(2));
        await stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message, or null at a clean end of stream.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var prefix = new byte[2];
        if (!await FillAsync(stream, prefix, cancellationToken).ConfigureAwait(false)) return null;
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        if (!await FillAsync(stream, message, cancellationToken).ConfigureAwait(false)) throw new EndOfStreamException("DNS message cut short");
        return message;
    }

    private static async Task<bool> FillAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                if (read == 0) return false;
                throw new EndOfStreamException("DNS message cut short");
            }
            read += n;
        }
        return true;
    }
}
