using Berth.Core.Interop;
using Berth.Runtime.Logging;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// Copies one of the container's output pipes (or the pty master) to the attachers (<see cref="OutputFanout"/>,
/// live, partial lines included) and into the json-file log, on a plain thread with blocking reads. The first
/// read waits for the attachers announced at start.
/// </summary>
internal sealed class OutputPump
{
    private readonly int _fd;
    private readonly LogLineSplitter _splitter;
    private readonly Thread _thread;
    private readonly OutputFanout _fanout;
    private readonly byte _kind;

    public OutputPump(int readFd, string stream, JsonFileLogWriter writer, OutputFanout fanout)
    {
        _fd = readFd;
        _fanout = fanout;
        _kind = stream == "stderr" ? ShimFrame.Stderr : ShimFrame.Stdout;
        _splitter = new LogLineSplitter(stream, writer);
        _thread = new Thread(Run) { IsBackground = true, Name = stream };
    }

    public void Start() => _thread.Start();

    /// <summary>Waits until every writer of the pipe has closed it (the container's processes are gone).</summary>
    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Run()
    {
        var buffer = new byte[16 * 1024];
        _fanout.WaitForAttachers();
        while (true)
        {
            var n = Libc.ReadRetrying(_fd, buffer);
            if (n <= 0) break;
            _fanout.Publish(_kind, buffer.AsSpan(0, n));
            try
            {
                _splitter.Append(buffer.AsSpan(0, n));
            }
            catch (IOException)
            {
                // Log disk full or gone: keep draining so the container never blocks on a full pipe.
            }
        }
        try { _splitter.Flush(); } catch (IOException) { }
        _ = Libc.Close(_fd);
    }
}
