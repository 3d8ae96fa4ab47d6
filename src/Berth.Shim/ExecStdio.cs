using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// One exec's stdio as the shim holds it: pipes (stdout, stderr, and stdin when asked) whose far ends become
/// <c>runc exec</c>'s stdio, which runc hands to the process (<c>--detach</c>); or a terminal whose master runc
/// sends to a console socket. Output is pumped as <see cref="ShimFrame"/>s; input is written by one thread.
/// </summary>
internal sealed class ExecStdio : IDisposable
{
    private readonly int _devNull;
    private readonly List<int> _runcEnds = [];
    private int _stdoutRead = -1;
    private int _stderrRead = -1;
    private int _stdinWrite = -1;
    private int _consoleListener = -1;

    private ExecStdio(int devNull)
    {
        _devNull = devNull;
        RuncStdin = RuncStdout = RuncStderr = devNull;
    }

    public int RuncStdin { get; private set; }
    public int RuncStdout { get; private set; }
    public int RuncStderr { get; private set; }
    public string? ConsoleSocket { get; private set; }

    /// <summary>The pty master (terminal execs), for input and resizing; -1 otherwise.</summary>
    public int TerminalMaster { get; private set; } = -1;

    public static ExecStdio Pipes(bool stdin, int devNull)
    {
        var stdio = new ExecStdio(devNull);
        (stdio._stdoutRead, stdio.RuncStdout) = Libc.CreatePipe();
        stdio._runcEnds.Add(stdio.RuncStdout);
        (stdio._stderrRead, stdio.RuncStderr) = Libc.CreatePipe();
        stdio._runcEnds.Add(stdio.RuncStderr);
        if (stdin)
        {
            (stdio.RuncStdin, stdio._stdinWrite) = Libc.CreatePipe();
            stdio._runcEnds.Add(stdio.RuncStdin);
        }
        return stdio;
    }

    public static ExecStdio Terminal(string consoleSocket, int devNull)
    {
        var stdio = new ExecStdio(devNull) { ConsoleSocket = consoleSocket };
        File.Delete(consoleSocket);
        stdio._consoleListener = Libc.ListenUnix(consoleSocket, 1);
        return stdio;
    }

    /// <summary>After <c>runc exec</c>: the process holds its ends; the shim must not keep them open.</summary>
    public void CloseRuncEnds()
    {
        foreach (var fd in _runcEnds) _ = Libc.Close(fd);
        _runcEnds.Clear();
    }

    /// <summary>Takes the pty master runc sent (its connection waits in the listen backlog).</summary>
    public void AcceptTerminal()
    {
        if (_consoleListener < 0) return;
        try
        {
            var connection = Libc.AcceptRetrying(_consoleListener);
            Errno.ThrowIfError(connection, "accept", ConsoleSocket!);
            try
            {
                TerminalMaster = Libc.ReceiveDescriptor(connection);
            }
            finally
            {
                _ = Libc.Close(connection);
            }
        }
        finally
        {
            CloseConsoleListener();
        }
    }

    /// <summary>Starts one pump per output stream (a terminal has one, stdout, as in Docker); each owns its descriptor.</summary>
    public ExecOutputPump[] StartPumps(StreamConnection connection)
    {
        ExecOutputPump[] pumps = TerminalMaster >= 0
            ? [new ExecOutputPump(Dup(TerminalMaster), ShimFrame.Stdout, connection)]
            : [new ExecOutputPump(_stdoutRead, ShimFrame.Stdout, connection), new ExecOutputPump(_stderrRead, ShimFrame.Stderr, connection)];
        _stdoutRead = _stderrRead = -1;
        foreach (var pump in pumps) pump.Start();
        return pumps;
    }

    /// <summary>Writes input to the process; false once it can take no more (it closed its stdin or ended).</summary>
    public bool WriteInput(ReadOnlySpan<byte> data)
    {
        var fd = TerminalMaster >= 0 ? TerminalMaster : _stdinWrite;
        if (fd < 0) return false;
        try
        {
            Libc.WriteAll(fd, data);
            return true;
        }
        catch (Core.BerthException)
        {
            return false;
        }
    }

    /// <summary>Stdin EOF: closes the pipe (a terminal stays open, as with Docker: the process sees no EOF).</summary>
    public void CloseInput()
    {
        if (_stdinWrite < 0) return;
        _ = Libc.Close(_stdinWrite);
        _stdinWrite = -1;
    }

    public void Dispose()
    {
        CloseRuncEnds();
        CloseConsoleListener();
        foreach (var fd in new[] { _stdoutRead, _stderrRead, _stdinWrite, TerminalMaster })
            if (fd >= 0 && fd != _devNull) _ = Libc.Close(fd);
        _stdoutRead = _stderrRead = _stdinWrite = -1;
        TerminalMaster = -1;
    }

    private void CloseConsoleListener()
    {
        if (_consoleListener < 0) return;
        _ = Libc.Close(_consoleListener);
        _consoleListener = -1;
        try { File.Delete(ConsoleSocket!); } catch (IOException) { }
    }

    private static int Dup(int fd)
    {
        const int F_DUPFD_CLOEXEC = 1030;
        var copy = Libc.Fcntl(fd, F_DUPFD_CLOEXEC, 3);
        Errno.ThrowIfError(copy, "fcntl(F_DUPFD_CLOEXEC)", fd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return copy;
    }
}
