using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// Serves shim.sock: each connection carries one JSON request line and gets one JSON response line
/// (<see cref="ShimRequest"/>); a streaming op (attach, exec) keeps its connection as a <see cref="StreamConnection"/>.
/// Raw blocking sockets and a thread per connection: connections are few; <c>wait</c> is answered when the
/// container has exited, a stream lasts as long as the attach or exec. The connection threads accept their own
/// connections: a thread that accepted one makes sure another is accepting (starting one only when none is),
/// serves it, then goes back to accepting (or ends when enough others already are). So back-to-back requests
/// (an exec each) neither create a thread nor wait for a hand-over from an accept thread.
/// </summary>
internal sealed class ControlServer
{
    private const int MaxRequestBytes = 64 * 1024;
    private const int ShutRdwr = 2;
    private const int MaxIdleAcceptors = 2;
    private readonly string _socketPath;
    private readonly ShimHost _host;
    private readonly object _lock = new();
    private readonly object _acceptLock = new();
    private int _acceptors;
    private bool _stopped;
    private bool _listenerClosed;
    private int _listenFd = -1;
    private int _active;

    public ControlServer(string socketPath, ShimHost host)
    {
        _socketPath = socketPath;
        _host = host;
    }

    public void Start()
    {
        File.Delete(_socketPath);
        _listenFd = Libc.ListenUnix(_socketPath, 16);
        lock (_acceptLock) _acceptors++;
        StartAcceptor();
    }

    /// <summary>Stops accepting, removes the socket file, and waits (bounded) for answers in flight.</summary>
    public void Stop(TimeSpan drain)
    {
        try { File.Delete(_socketPath); } catch (IOException) { }
        lock (_acceptLock)
        {
            _stopped = true;
            // shutdown wakes the accepting threads (accept fails with EINVAL); the last one closes the fd.
            if (!_listenerClosed) _ = Libc.Shutdown(_listenFd, ShutRdwr);
            CloseListenerWhenUnused();
        }
        var deadline = Environment.TickCount64 + (long)drain.TotalMilliseconds;
        lock (_lock)
        {
            while (_active > 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_lock, (int)left)) break;
            }
        }
    }

    /// <summary>Starts a thread that accepts (the caller counted it in <see cref="_acceptors"/>).</summary>
    private void StartAcceptor() => new Thread(AcceptAndServe) { IsBackground = true, Name = "conn" }.Start();

    private void AcceptAndServe()
    {
        while (true)
        {
            var connection = Libc.AcceptRetrying(_listenFd);
            bool another;
            lock (_acceptLock)
            {
                _acceptors--;
                if (connection < 0)
                {
                    // Stopped (or the socket failed): no more connections; the last accepting thread closes it.
                    _stopped = true;
                    CloseListenerWhenUnused();
                    return;
                }
                another = _acceptors == 0 && !_stopped;
                if (another) _acceptors++;
            }
            if (another) StartAcceptor();
            lock (_lock) _active++;
            Serve(connection);
            lock (_acceptLock)
            {
                if (_stopped || _acceptors >= MaxIdleAcceptors)
                {
                    CloseListenerWhenUnused();
                    return;
                }
                _acceptors++;
            }
        }
    }

    /// <summary>Under <see cref="_acceptLock"/>: closes the listening socket once stopped and no thread accepts on it.</summary>
    private void CloseListenerWhenUnused()
    {
        if (!_stopped || _acceptors > 0 || _listenerClosed) return;
        _listenerClosed = true;
        _ = Libc.Close(_listenFd);
    }

    private void Serve(int connection)
    {
        var owned = false;
        try
        {
            var request = ReadRequest(connection, out var pendingInput);
            if (request is not null && ShimRequest.IsStreaming(request.Op))
            {
                owned = true;
                using var stream = new StreamConnection(connection, pendingInput);
                _host.HandleStream(request, stream);
                return;
            }
            var response = request is null
                ? new ShimResponse { Ok = false, Error = "malformed request" }
                : _host.Handle(request);
            Libc.WriteAll(connection, ShimWire.WriteLine(response));
        }
        catch (Core.BerthException)
        {
            // The client went away (EPIPE); nothing to answer.
        }
        finally
        {
            if (!owned) _ = Libc.Close(connection);
            lock (_lock)
            {
                _active--;
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <param name="pendingInput">Bytes that arrived after the request line (a stream's first stdin bytes).</param>
    private static ShimRequest? ReadRequest(int connection, out byte[] pendingInput)
    {
        pendingInput = [];
        var buffer = new byte[1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= MaxRequestBytes) return null;
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var n = Libc.ReadRetrying(connection, buffer.AsSpan(length));
            if (n <= 0) return null;
            var newline = buffer.AsSpan(length, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                pendingInput = buffer.AsSpan(length + newline + 1, n - newline - 1).ToArray();
                return ShimWire.ReadRequest(buffer.AsSpan(0, length + newline));
            }
            length += n;
        }
    }
}
