using System.Buffers.Binary;

namespace Berth.Daemon.Api.Streaming;

/// <summary>
/// Writes container output to a client: framed as Docker's multiplexed stream (8-byte header
/// <c>[stream, 0, 0, 0, size BE32]</c>, engine-api-notes.md §3) when the container has no TTY, raw otherwise.
/// Frames collect in a 64 KiB buffer that goes out when full or on <see cref="FlushAsync"/>: a response
/// written line by line would otherwise be one HTTP chunk per line.
/// </summary>
public sealed class StdStreamWriter(Stream output, bool multiplexed)
{
    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    private const int HeaderSize = 8;
    private const int BufferSize = 64 * 1024;

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;

    public async Task WriteAsync(byte stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length == 0) return;
        var needed = payload.Length + (multiplexed ? HeaderSize : 0);
        if (_length + needed > BufferSize) await DrainAsync(cancellationToken).ConfigureAwait(false);
        if (needed > BufferSize)
        {
            // Larger than the buffer: straight through.
            if (multiplexed)
            {
                var header = new byte[HeaderSize];
                WriteHeader(header, stream, payload.Length);
                await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            }
            await output.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (multiplexed)
        {
            WriteHeader(_buffer.AsSpan(_length, HeaderSize), stream, payload.Length);
            _length += HeaderSize;
        }
        payload.Span.CopyTo(_buffer.AsSpan(_length));
        _length += payload.Length;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_length == 0) return;
        var length = _length;
        _length = 0;
        await output.WriteAsync(_buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
    }

    private static void WriteHeader(Span<byte> header, byte stream, int length)
    {
        header[0] = stream;
        header[1] = header[2] = header[3] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)length);
    }
}
