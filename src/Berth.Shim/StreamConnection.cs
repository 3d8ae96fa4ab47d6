using Berth.Core;
using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// A control connection turned into a stream (ops <c>attach</c> and <c>exec</c>): one response line, then
/// <see cref="ShimFrame"/>s out and raw stdin bytes in. Frame writes are serialised (stdout and stderr pumps
/// share the connection); a write to a daemon that went away marks the connection broken instead of throwing.
/// </summary>
internal sealed class StreamConnection : IDisposable
{
    private const int ShutRd = 0;
    private const int ShutWr = 1;
    private const int ShutRdwr = 2;
    private readonly int _fd;
    private readonly object _writeLock = new();
    private byte[] _pendingInput;
    private int _pendingOffset;
    private bool _closed;

    /// <param name="pendingInput">Bytes read past the request line: the first stdin bytes.</param>
    public StreamConnection(int fd, ReadOnlySpan<byte> pendingInput)
    {
        _fd = fd;
        _pendingInput = pendingInput.ToArray();
    }

    /// <summary>True once a write failed: the daemon side is gone.</summary>
    public bool Broken { get; private set; }

    public void WriteResponse(ShimResponse response)
    {
        lock (_writeLock)
        {
            if (Broken || _closed) return;
            try
            {
                Libc.WriteAll(_fd, ShimWire.Write(response));
                Libc.WriteAll(_fd, "\n"u8);
            }
            catch (BerthException)
            {
                Broken = true;
            }
        }
    }

    /// <summary>Sends one frame; false when the daemon side is gone.</summary>
    public bool WriteFrame(byte kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[ShimFrame.HeaderSize];
        ShimFrame.WriteHeader(header, kind, payload.Length);
        lock (_writeLock)
        {
            if (Broken || _closed) return false;
            try
            {
                Libc.WriteAll(_fd, header);
                if (payload.Length > 0) Libc.WriteAll(_fd, payload);
                return true;
            }
            catch (BerthException)
            {
                Broken = true;
                return false;
            }
        }
    }

    /// <summary>Reads stdin from the daemon (blocking); 0 at EOF (the daemon shut down its write side or left).</summary>
    public int ReadInput(Span<byte> buffer)
    {
        if (_pendingOffset < _pendingInput.Length)
        {
            var n = Math.Min(buffer.Length, _pendingInput.Length - _pendingOffset);
            _pendingInput.AsSpan(_pendingOffset, n).CopyTo(buffer);
            _pendingOffset += n;
            if (_pendingOffset == _pendingInput.Length) _pendingInput = [];
            return n;
        }
        var read = Libc.ReadRetrying(_fd, buffer);
        return read < 0 ? 0 : read;
    }

    /// <summary>Ends the output side (the daemon sees EOF) while input may still be read.</summary>
    public void CloseOutput()
    {
        lock (_writeLock) _ = Libc.Shutdown(_fd, ShutWr);
    }

    /// <summary>Ends the input side: a read blocked in <see cref="ReadInput"/> returns 0 (EOF).</summary>
    public void CloseInput()
    {
        lock (_writeLock)
        {
            if (!_closed) _ = Libc.Shutdown(_fd, ShutRd);
        }
    }

    /// <summary>Shuts the connection down both ways: a thread blocked reading input sees EOF, the daemon sees the end.</summary>
    public void Abort()
    {
        lock (_writeLock)
        {
            if (!_closed) _ = Libc.Shutdown(_fd, ShutRdwr);
        }
    }

    /// <summary>After input EOF: blocks until the daemon closed the connection (not just its write side) or <see cref="Abort"/> ran.</summary>
    public void WaitForHangup() => Libc.WaitForHangup(_fd);

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_closed) return;
            _closed = true;
        }
        _ = Libc.Close(_fd);
    }
}
