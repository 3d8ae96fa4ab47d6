using Berth.Core.Interop;

namespace Berth.Shim;

/// <summary>
/// The stdio of a process runc starts for the shim (the container's init, or an exec): either pipes (stdout,
/// stderr, and stdin when asked) whose far ends become runc's stdio and so the process's, or a terminal whose
/// master runc sends over a console socket. The shim keeps the stdin write end (or the pty master) for input
/// and resizes; <see cref="TakeOutputs"/> hands the output descriptors to whoever pumps them.
/// </summary>
internal sealed class ProcessStdio : IDisposable
{
    private readonly int _devNull;
    private readonly List<int> _runcEnds = [];
    private readonly object _inputLock = new();
    private int _stdoutRead = -1;
    private int _stderrRead = -1;
    private int _stdinWrite = -1;
    private int _consoleListener = -1;
    private int _terminalMaster = -1;

    private ProcessStdio(int devNull)
    {
        _devNull = devNull;
        RuncStdin = RuncStdout = RuncStderr = devNull;
    }

    public int RuncStdin { get; private set; }
    public int RuncStdout { get; private set; }
    public int RuncStderr { get; private set; }
    public string? ConsoleSocket { get; private set; }

    public bool IsTerminal => _terminalMaster >= 0;

    public static ProcessStdio Pipes(bool stdin, int devNull)
    {
        var stdio = new ProcessStdio(devNull);
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

    public static ProcessStdio Terminal(string consoleSocket, int devNull)
    {
        var stdio = new ProcessStdio(devNull) { ConsoleSocket = consoleSocket };
        File.Delete(consoleSocket);
        stdio._consoleListener = Libc.ListenUnix(consoleSocket, 1);
        return stdio;
    }

    /// <summary>After runc has run: the process holds its ends; the shim must not keep them open.</summary>
    public void CloseRuncEnds()
    {
        foreach (var fd in _runcEnds) _ = Libc.Close(fd);
        _runcEnds.Clear();
    }

    /// <summary>Takes the pty master runc sent (its connection waits in the listen backlog); no-op for pipes.</summary>
    public void AcceptTerminal()
    {
        if (_consoleListener < 0) return;
        try
        {
            var connection = Libc.AcceptRetrying(_consoleListener);
            Errno.ThrowIfError(connection, "accept", ConsoleSocket!);
            try
            {
                _terminalMaster = Libc.ReceiveDescriptor(connection);
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

    /// <summary>
    /// The output descriptors, each now owned by the caller: a terminal has one stream, stdout, as in Docker (a
    /// copy of the master, which stays here for input and resizes); pipes have stdout and stderr.
    /// </summary>
    public (int Fd, bool Stderr)[] TakeOutputs()
    {
        (int, bool)[] outputs = _terminalMaster >= 0
            ? [(Dup(_terminalMaster), false)]
            : [(_stdoutRead, false), (_stderrRead, true)];
        _stdoutRead = _stderrRead = -1;
        return outputs;
    }

    /// <summary>
    /// Writes input to the process (stdin pipe or pty master); false when it has no stdin or can take no more
    /// (it closed its stdin or ended). Blocks while the process does not read.
    /// </summary>
    public bool WriteInput(ReadOnlySpan<byte> data)
    {
        lock (_inputLock)
        {
            var fd = _terminalMaster >= 0 ? _terminalMaster : _stdinWrite;
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
    }

    /// <summary>Stdin EOF: closes the pipe's write end. A terminal stays open (as with Docker: no EOF is sent).</summary>
    public void CloseInput()
    {
        lock (_inputLock)
        {
            if (_stdinWrite < 0) return;
            _ = Libc.Close(_stdinWrite);
            _stdinWrite = -1;
        }
    }

    /// <summary>Sets the terminal's size; false without a terminal.</summary>
    public bool Resize(int height, int width)
    {
        if (_terminalMaster < 0) return false;
        Libc.SetWindowSize(_terminalMaster, height, width);
        return true;
    }

    public void Dispose()
    {
        CloseRuncEnds();
        CloseConsoleListener();
        lock (_inputLock)
        {
            foreach (var fd in new[] { _stdoutRead, _stderrRead, _stdinWrite, _terminalMaster })
                if (fd >= 0 && fd != _devNull) _ = Libc.Close(fd);
            _stdoutRead = _stderrRead = _stdinWrite = _terminalMaster = -1;
        }
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
