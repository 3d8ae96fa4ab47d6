using System.Buffers.Binary;

namespace Berth.Client.Streams;

/// <summary>
/// Reads Docker's multiplexed stdout/stderr stream: frames of <c>[stream, 0, 0, 0, size (uint32 big-endian)]</c>
/// followed by <c>size</c> payload bytes. Used for logs and attach when the container has no TTY.
/// </summary>
public sealed class MultiplexedStreamReader(Stream source)
{
    private const int HeaderSize = 8;
    private readonly byte[] _header = new byte[HeaderSize];
    private byte[] _payload = new byte[32 * 1024];

    /// <summary>Reads the next frame; null at a clean end of stream.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">A header has an unknown stream byte.</exception>
    public async ValueTask<(StdStreamType Stream, ReadOnlyMemory<byte> Payload)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var read = await source.ReadAtLeastAsync(_header, HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (ParseHeader(read) is not { } header)
        {
            return null;
        }
        await source.ReadExactlyAsync(_payload.AsMemory(0, header.Size), cancellationToken).ConfigureAwait(false);
        return (header.Stream, _payload.AsMemory(0, header.Size));
    }

    /// <summary><see cref="ReadFrameAsync"/> on the calling thread.</summary>
    public (StdStreamType Stream, ReadOnlyMemory<byte> Payload)? ReadFrame()
    {
        var read = source.ReadAtLeast(_header, HeaderSize, throwOnEndOfStream: false);
        if (ParseHeader(read) is not { } header)
        {
            return null;
        }
        source.ReadExactly(_payload.AsSpan(0, header.Size));
        return (header.Stream, _payload.AsMemory(0, header.Size));
    }

    /// <summary>The header just read into <c>_header</c> (<paramref name="read"/> bytes of it); null at a clean end.</summary>
    private (StdStreamType Stream, int Size)? ParseHeader(int read)
    {
        if (read == 0)
        {
            return null;
        }
        if (read < HeaderSize)
        {
            throw new EndOfStreamException("multiplexed stream ended inside a frame header");
        }

        var type = _header[0];
        if (type > (byte)StdStreamType.SystemError)
        {
            throw new InvalidDataException($"unexpected stream byte {type} in multiplexed stream");
        }

        var size = checked((int)BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4)));
        if (size > _payload.Length)
        {
            _payload = new byte[size];
        }
        return ((StdStreamType)type, size);
    }

    /// <summary>
    /// Copies every frame to <paramref name="stdout"/> or <paramref name="stderr"/> until end of stream, on the
    /// calling thread: each frame is written as it comes (the streams are the caller's to buffer).
    /// </summary>
    public void CopyTo(Stream stdout, Stream stderr)
    {
        while (ReadFrame() is { } frame)
        {
            var target = frame.Stream is StdStreamType.Stdout or StdStreamType.Stdin ? stdout : stderr;
            target.Write(frame.Payload.Span);
        }
    }

    /// <summary>
    /// Copies every frame to <paramref name="stdout"/> or <paramref name="stderr"/> until end of stream. Output
    /// is buffered while more frames are already at hand and flushed before waiting for the next one, or when it
    /// switches between stdout and stderr, so the two keep their order and a burst costs a few writes.
    /// </summary>
    public async Task CopyToAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        var bufferedOut = new BufferedStream(stdout, 64 * 1024);
        var bufferedErr = new BufferedStream(stderr, 64 * 1024);
        BufferedStream? pending = null;
        try
        {
            while (true)
            {
                var read = ReadFrameAsync(cancellationToken);
                if (!read.IsCompleted && pending is not null)
                {
                    await pending.FlushAsync(cancellationToken).ConfigureAwait(false);
                    pending = null;
                }
                if (await read.ConfigureAwait(false) is not { } frame) break;
                var target = frame.Stream is StdStreamType.Stdout or StdStreamType.Stdin ? bufferedOut : bufferedErr;
                if (pending is not null && pending != target) await pending.FlushAsync(cancellationToken).ConfigureAwait(false);
                await target.WriteAsync(frame.Payload, cancellationToken).ConfigureAwait(false);
                pending = target;
            }
        }
        finally
        {
            if (pending is not null) await pending.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one frame (tests and servers share the format).</summary>
    public static async ValueTask WriteFrameAsync(Stream destination, StdStreamType stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderSize];
        header[0] = (byte)stream;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)payload.Length);
        await destination.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
    }
}
