using System.Buffers.Binary;

namespace Berth.Runtime.Shim;

/// <summary>
/// Framing on a streaming shim connection (ops <c>attach</c> and <c>exec</c>), shim → daemon: an 8-byte header
/// (kind, three zero bytes, payload length as big-endian uint32) and the payload. The header is laid out as
/// Docker's multiplexed stream, so stdout/stderr frames can be relayed as they are when there is no TTY.
/// <see cref="Exit"/> ends the stream: its payload is a <see cref="ShimExitStatus"/> JSON object (exec only).
/// Daemon → shim the connection carries raw stdin bytes; shutting down the write side is stdin EOF.
/// </summary>
public static class ShimFrame
{
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Exit = 16;
    public const int HeaderSize = 8;

    /// <summary>Largest payload a reader accepts (output is framed in chunks of at most 32 KiB).</summary>
    public const int MaxPayload = 1 << 20;

    public static void WriteHeader(Span<byte> header, byte kind, int length)
    {
        header[0] = kind;
        header[1] = header[2] = header[3] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)length);
    }

    /// <summary>Reads one frame header; false at a clean end of stream.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out byte kind, out int length)
    {
        kind = header[0];
        var size = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        length = size > MaxPayload ? -1 : (int)size;
        return length >= 0;
    }
}
