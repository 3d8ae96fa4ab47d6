using Berth.Core.Interop;
using Berth.Runtime.Logging;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// The container's stdio as the shim holds it: either pipes (stdout, stderr, and stdin with open-stdin) whose
/// container ends become runc's stdio, or a terminal whose master runc sends over a console socket. The
/// shim keeps the stdin write end (or the pty master) open for attach input and resizes.
/// </summary>
internal sealed class ContainerStdio : IDisposable
{
    private readonly int _devNull;
    private readonly List<int> _containerEnds = [];
    private int _stdoutRead = -1;
    private int _stderrRead = -1;
    private int _stdinWrite = -1;
    private int _consoleListener = -1;
    private int _terminalMaster = -1;
    private readonly object _inputLock = new();

    private ContainerStdio(int devNull)
    {
        _devNull = devNull;
        RuncStdin = RuncStdout = RuncStderr = devNull;
    }

    public int RuncStdin { get; private set; }
    public int RuncStdout { get; private set; }
    public int RuncStderr { get; private set; }
    public string? ConsoleSocket { get; private set; }

    public static ContainerStdio Pipes(bool openStdin, int devNull)
    {
        var stdio = new ContainerStdio(devNull);
        (stdio._stdoutRead, stdio.RuncStdout) = Libc.CreatePipe();
        (stdio._stderrRead, stdio.RuncStderr) = Libc.CreatePipe();
        stdio._containerEnds.Add(stdio.RuncStdout);
        stdio._containerEnds.Add(stdio.RuncStderr);
        if (openStdin)
        {
            (stdio.RuncStdin, stdio._stdinWrite) = Libc.CreatePipe();
            stdio._containerEnds.Add(stdio.RuncStdin);
        }
        return stdio;
    }

    public static ContainerStdio Terminal(string stateDir, int devNull)
    {
        var stdio = new ContainerStdio(devNull) { ConsoleSocket = Path.Combine(stateDir, "console.sock") };
        File.Delete(stdio.ConsoleSocket);
        stdio._consoleListener = Libc.ListenUnix(stdio.ConsoleSocket, 1);
        return stdio;
    }

    /// <summary>After runc create: the container holds its ends; the shim must not keep them open.</summary>
    public void CloseContainerEnds()
    {
        foreach (var fd in _containerEnds) _ = Libc.Close(fd);
        _containerEnds.Clear();
    }

    /// <summary>Takes the pty master runc sent during create (its connection waits in the listen backlog).</summary>
    public void AcceptTerminal()
    {
        if (_consoleListener < 0) return;
        var connection = Libc.AcceptRetrying(_consoleListener);
        Errno.ThrowIfError(connection, "accept", ConsoleSocket!);
        try
        {
            _terminalMaster = Libc.ReceiveDescriptor(connection);
        }
        finally
        {
            _ = Libc.Close(connection);
            CloseConsoleListener();
        }
    }

    /// <summary>Starts copying output into the log: a terminal has one stream, stdout, as in Docker.</summary>
    public OutputPump[] StartPumps(JsonFileLogWriter writer, OutputFanout fanout)
    {
        OutputPump[] pumps = _terminalMaster >= 0
            // The pump gets its own descriptor: the master stays open here for attach input.
            ? [new OutputPump(Dup(_terminalMaster), "stdout", writer, fanout)]
            : [new OutputPump(_stdoutRead, "stdout", writer, fanout), new OutputPump(_stderrRead, "stderr", writer, fanout)];
        _stdoutRead = _stderrRead = -1;
        foreach (var pump in pumps) pump.Start();
        return pumps;
    }

    public bool IsTerminal => _terminalMaster >= 0;

    /// <summary>
    /// Writes attach input to the container (stdin pipe or pty master); false when it has no stdin or it is
    /// closed. Blocks while the container does not read (only the attach's own input thread waits).
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
                return false; // the container closed its stdin or exited
            }
        }
    }

    /// <summary>Stdin EOF for the container (StdinOnce): closes the pipe's write end. A terminal stays open.</summary>
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
        CloseContainerEnds();
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
