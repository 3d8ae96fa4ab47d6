using System.Buffers;
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
    private readonly object _fdLock = new();
    private bool _disposed;
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
                Libc.WriteAll(_fd, ShimWire.WriteLine(response));
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
        // Header and payload in one write: the daemon's reader wakes once per frame, not twice.
        var frame = ArrayPool<byte>.Shared.Rent(ShimFrame.HeaderSize + payload.Length);
        try
        {
            ShimFrame.WriteHeader(frame, kind, payload.Length);
            payload.CopyTo(frame.AsSpan(ShimFrame.HeaderSize));
            lock (_writeLock)
            {
                if (Broken || _closed) return false;
                try
                {
                    Libc.WriteAll(_fd, frame.AsSpan(0, ShimFrame.HeaderSize + payload.Length));
                    return true;
                }
                catch (BerthException)
                {
                    Broken = true;
                    return false;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
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

    /// <summary>Shuts the connection down both ways: a thread blocked reading input sees EOF, the daemon sees the end.</summary>
    public void Abort()
    {
        lock (_writeLock)
        {
            if (!_closed) _ = Libc.Shutdown(_fd, ShutRdwr);
        }
    }

    /// <summary>
    /// Like <see cref="Abort"/> but without waiting for a frame write in progress: a write blocked on a daemon that
    /// stopped reading fails at once. Safe until <see cref="Dispose"/> (the attach disposes after its threads end).
    /// </summary>
    public void Interrupt()
    {
        lock (_fdLock)
        {
            if (!_disposed) _ = Libc.Shutdown(_fd, ShutRdwr);
        }
    }

    /// <summary>After input EOF: blocks until the daemon closed the connection (not just its write side) or <see cref="Abort"/> ran.</summary>
    public void WaitForHangup() => Libc.WaitForHangup(_fd);

    /// <summary>Ends the input side: a read blocked in <see cref="ReadInput"/> returns 0 (EOF).</summary>
    public void CloseInput()
    {
        lock (_writeLock)
        {
            if (!_closed) _ = Libc.Shutdown(_fd, ShutRd);
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_closed) return;
            _closed = true;
        }
        lock (_fdLock)
        {
            _disposed = true;
            _ = Libc.Close(_fd);
        }
    }
}
