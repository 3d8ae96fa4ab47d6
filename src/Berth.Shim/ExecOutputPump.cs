using Berth.Core.Interop;

namespace Berth.Shim;

/// <summary>
/// Copies one exec output stream (a pipe or the pty master) to the daemon as frames on a plain thread with
/// blocking reads. When the daemon is gone the output is still read (and dropped) so the process never blocks.
/// </summary>
internal sealed class ExecOutputPump
{
    private const int ChunkSize = 32 * 1024;
    private readonly int _fd;
    private readonly byte _kind;
    private readonly StreamConnection _connection;
    private readonly Thread _thread;

    /// <param name="fd">Owned by the pump: closed when the stream ends.</param>
    public ExecOutputPump(int fd, byte kind, StreamConnection connection)
    {
        _fd = fd;
        _kind = kind;
        _connection = connection;
        _thread = new Thread(Run) { IsBackground = true, Name = "exec-out" };
    }

    public void Start() => _thread.Start();

    /// <summary>Waits until the stream ends (every writer closed it; for a pty, the last slave holder left).</summary>
    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        var buffer = new byte[ChunkSize];
        while (true)
        {
            // A pty master reads EIO (-1) once the slave side is closed: that is its end of stream.
            var n = Libc.ReadRetrying(_fd, buffer);
            if (n <= 0) break;
            _ = _connection.WriteFrame(_kind, buffer.AsSpan(0, n));
        }
        _ = Libc.Close(_fd);
    }
}
