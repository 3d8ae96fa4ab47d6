using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// Serves shim.sock: each connection carries one JSON request line and gets one JSON response line
/// (<see cref="ShimRequest"/>); a streaming op (attach, exec) keeps its connection as a <see cref="StreamConnection"/>.
/// Raw blocking sockets and a thread per connection: connections are few; <c>wait</c> is answered when the
/// container has exited, a stream lasts as long as the attach or exec. A thread whose connection ended waits a
/// while for the next one, so back-to-back requests (an exec each) do not each create a thread.
/// </summary>
internal sealed class ControlServer
{
    private const int MaxRequestBytes = 64 * 1024;
    private const int ShutRdwr = 2;
    private readonly string _socketPath;
    private readonly ShimHost _host;
    private readonly object _lock = new();
    private static readonly TimeSpan IdleThreadLifetime = TimeSpan.FromSeconds(30);
    private readonly object _workLock = new();
    private readonly Queue<int> _waiting = new();
    private int _idleThreads;
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
        new Thread(AcceptLoop) { IsBackground = true, Name = "accept" }.Start();
    }

    /// <summary>Stops accepting, removes the socket file, and waits (bounded) for answers in flight.</summary>
    public void Stop(TimeSpan drain)
    {
        try { File.Delete(_socketPath); } catch (IOException) { }
        // shutdown wakes the accept thread (accept fails with EINVAL) before the fd is closed.
        _ = Libc.Shutdown(_listenFd, ShutRdwr);
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

    private void AcceptLoop()
    {
        while (true)
        {
            var connection = Libc.AcceptRetrying(_listenFd);
            if (connection < 0)
            {
                _ = Libc.Close(_listenFd);
                return;
            }
            lock (_lock) _active++;
            Dispatch(connection);
        }
    }

    /// <summary>Hands the connection to an idle connection thread, or to a new one when none waits.</summary>
    private void Dispatch(int connection)
    {
        lock (_workLock)
        {
            // Each queued connection is matched by an idle thread that will take it.
            if (_idleThreads > _waiting.Count)
            {
                _waiting.Enqueue(connection);
                Monitor.Pulse(_workLock);
                return;
            }
        }
        new Thread(() => ServeConnections(connection)) { IsBackground = true, Name = "conn" }.Start();
    }

    /// <summary>Serves <paramref name="first"/>, then further connections until none came for a while.</summary>
    private void ServeConnections(int first)
    {
        var connection = first;
        while (true)
        {
            Serve(connection);
            lock (_workLock)
            {
                _idleThreads++;
                while (_waiting.Count == 0)
                {
                    if (!Monitor.Wait(_workLock, IdleThreadLifetime) && _waiting.Count == 0)
                    {
                        _idleThreads--;
                        return;
                    }
                }
                connection = _waiting.Dequeue();
                _idleThreads--;
            }
        }
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
