using Berth.Core.Interop;

namespace Berth.Shim;

/// <summary>
/// Copies an exec's output streams (stdout and stderr pipes, or the pty master) to the daemon as frames, all on
/// the calling thread with one poll(2) loop (no thread per stream, so nothing is created per exec). The loop
/// also watches an eventfd that <see cref="SignalExited"/> fires once the process has been reaped: from then
/// on the streams get a bounded time to end (a background child may hold them open); what is left is handed
/// to a drain thread that reads and drops it so such a child never blocks on a full pipe.
/// </summary>
internal sealed class ExecOutputPump : IDisposable
{
    private const int ChunkSize = 32 * 1024;
    private readonly List<(int Fd, byte Kind)> _open;
    private readonly StreamConnection _connection;
    private readonly int _exited;
    private bool _disposed;

    /// <param name="outputs">Owned by the pump: each is closed when its stream ends.</param>
    public ExecOutputPump(IEnumerable<(int Fd, byte Kind)> outputs, StreamConnection connection)
    {
        _open = [.. outputs];
        _connection = connection;
        _exited = Libc.CreateEventFd();
    }

    /// <summary>The process has been reaped (any thread; once).</summary>
    public void SignalExited() => Libc.SignalEventFd(_exited);

    /// <summary>
    /// Pumps until every stream ended, or until <paramref name="drainAfterExit"/> passed after the exit signal;
    /// streams still open then are drained (and dropped) in the background.
    /// </summary>
    public void Run(TimeSpan drainAfterExit)
    {
        Pump(_open, _connection, _exited, drainAfterExit);
        if (_open.Count > 0)
        {
            var left = new List<(int Fd, byte Kind)>(_open);
            new Thread(() => Pump(left, null, -1, TimeSpan.Zero)) { IsBackground = true, Name = "exec-drain" }.Start();
        }
        _open.Clear();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _ = Libc.Close(_exited);
    }

    /// <summary>
    /// One poll(2) loop over <paramref name="open"/> (streams are removed and closed as they end): each read is
    /// sent as a frame on <paramref name="connection"/>, or dropped without one. With an <paramref name="exited"/>
    /// eventfd (else -1), the loop stops <paramref name="drainAfterExit"/> after it fires, leaving what is still open.
    /// </summary>
    private static void Pump(List<(int Fd, byte Kind)> open, StreamConnection? connection, int exited, TimeSpan drainAfterExit)
    {
        var buffer = new byte[ChunkSize];
        var fds = new Libc.PollFd[open.Count + 1];
        long deadline = -1;
        while (open.Count > 0)
        {
            var count = 0;
            foreach (var (fd, _) in open) fds[count++] = new Libc.PollFd { Fd = fd, Events = Libc.POLLIN };
            var watchExit = exited >= 0 && deadline < 0;
            if (watchExit) fds[count++] = new Libc.PollFd { Fd = exited, Events = Libc.POLLIN };
            var timeout = deadline < 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
            if (Libc.PollRetrying(fds.AsSpan(0, count), timeout) == 0) break;
            if (watchExit && fds[count - 1].ReturnedEvents != 0)
                deadline = Environment.TickCount64 + (long)drainAfterExit.TotalMilliseconds;
            // Streams in order, one read each per round: neither starves the other.
            var ended = false;
            for (var i = 0; i < open.Count; i++)
            {
                if (fds[i].ReturnedEvents == 0) continue;
                var (fd, kind) = open[i];
                // A pty master reads EIO (-1) once the slave side is closed: that is its end of stream.
                var n = Libc.ReadRetrying(fd, buffer);
                if (n > 0)
                {
                    _ = connection?.WriteFrame(kind, buffer.AsSpan(0, n));
                    continue;
                }
                _ = Libc.Close(fd);
                open[i] = (-1, kind);
                ended = true;
            }
            if (ended) open.RemoveAll(o => o.Fd < 0);
        }
    }
}
