using System.Net.Sockets;

namespace Berth.Runtime.Shim;

/// <summary>
/// The daemon's end of a streaming shim connection (attach, exec) after the response line: frames in
/// (<see cref="ReadFrameAsync"/>), stdin out (<see cref="WriteInputAsync"/>, <see cref="CloseInput"/>).
/// </summary>
public sealed class ShimStream : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _header = new byte[ShimFrame.HeaderSize];
    private byte[] _buffered;
    private int _bufferedOffset;

    internal ShimStream(Socket socket, NetworkStream stream, byte[] buffered)
    {
        _socket = socket;
        _stream = stream;
        _buffered = buffered;
    }

    /// <summary>The next frame, or null when the shim closed the stream. The payload is a fresh array.</summary>
    public async Task<(byte Kind, byte[] Payload)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(_header, cancellationToken).ConfigureAwait(false)) return null;
        if (!ShimFrame.TryReadHeader(_header, out var kind, out var length))
            throw new IOException("shim sent an oversized frame");
        var payload = new byte[length];
        if (length > 0 && !await FillAsync(payload, cancellationToken).ConfigureAwait(false))
            throw new IOException("shim closed the stream inside a frame");
        return (kind, payload);
    }

    public async Task WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);

    /// <summary>Stdin EOF: shuts down the write side; output keeps coming.</summary>
    public void CloseInput()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already gone.
        }
        catch (ObjectDisposedException)
        {
            // Already disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }

    private async Task<bool> FillAsync(Memory<byte> target, CancellationToken cancellationToken)
    {
        var filled = 0;
        if (_bufferedOffset < _buffered.Length)
        {
            var n = Math.Min(target.Length, _buffered.Length - _bufferedOffset);
            _buffered.AsMemory(_bufferedOffset, n).CopyTo(target);
            _bufferedOffset += n;
            filled = n;
            if (_bufferedOffset == _buffered.Length) _buffered = [];
        }
        while (filled < target.Length)
        {
            var n = await _stream.ReadAsync(target[filled..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                if (filled == 0) return false;
                throw new IOException("shim closed the stream inside a frame");
            }
            filled += n;
        }
        return true;
    }
}
