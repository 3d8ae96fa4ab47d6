using System.Globalization;
using Berth.Core;
using Berth.Core.Interop;
using Berth.Runtime.Runc;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// The <c>exec</c> streaming op: <c>runc exec --detach</c> with the daemon's process JSON, then the process's
/// output as frames, stdin from the daemon, and an exit frame once the shim (its subreaper) reaped it. A
/// daemon that goes away mid-exec does not stop it: output is dropped, the process is still reaped.
/// </summary>
internal sealed partial class ShimHost
{
    private static readonly TimeSpan ExecOutputDrainLimit = TimeSpan.FromSeconds(2);
    private readonly object _execLock = new();
    private readonly Dictionary<string, ExecProcess> _execs = [];
    private readonly bool _stateDirOnTmpfs;

    private void Exec(ShimRequest request, StreamConnection connection)
    {
        if (request.ExecId is not { Length: > 0 } execId || request.Process is not { Length: > 0 } processFile)
        {
            connection.WriteResponse(new ShimResponse { Ok = false, Error = "exec needs an execId and a process file" });
            return;
        }
        var files = ExecFiles.For(_args.StateDir, execId, processFile, _stateDirOnTmpfs);
        try
        {
            RunExec(execId, files, request, connection);
        }
        finally
        {
            // Once the exit frame is out (or the start failed): not in the way of the daemon's answer.
            files.Delete();
        }
    }

    private void RunExec(string execId, ExecFiles files, ShimRequest request, StreamConnection connection)
    {
        lock (_lock)
        {
            if (_initExited)
            {
                connection.WriteResponse(new ShimResponse { Ok = false, Error = "container is not running" });
                return;
            }
        }

        var started = StartExec(execId, files, request.Tty, request.Stdin);
        if (started.Error is not null)
        {
            connection.WriteResponse(new ShimResponse { Ok = false, Error = started.Error });
            return;
        }
        var exec = started.Exec!;
        lock (_execLock) _execs[execId] = exec;
        connection.WriteResponse(new ShimResponse { Ok = true, Pid = exec.Pid, Running = true });

        using var pump = new ExecOutputPump(
            exec.Stdio.TakeOutputs().Select(o => (o.Fd, o.Stderr ? ShimFrame.Stderr : ShimFrame.Stdout)), connection);
        _reaper.WatchExit(exec.Pid, started.Mark, pump.SignalExited);
        Thread? input = null;
        if (request.Stdin)
        {
            input = new Thread(() => CopyInput(connection, exec.Stdio)) { IsBackground = true, Name = "exec-in" };
            input.Start();
        }

        // Output ends when the last holder of the pipes (or the pty) is gone; bounded after the exit for background children.
        int status;
        try
        {
            pump.Run(ExecOutputDrainLimit);
        }
        finally
        {
            // Also before the pump's eventfd is closed: the reaper signals it before this returns.
            status = _reaper.WaitFor(exec.Pid, started.Mark);
        }
        var exit = new ShimExitStatus { ExitCode = Libc.ExitCodeFromWaitStatus(status), ExitedAt = DateTimeOffset.UtcNow };
        lock (_execLock) exec.Exited = true;
        connection.WriteFrame(ShimFrame.Exit, ShimWire.Write(exit));

        connection.CloseInput();
        var inputDone = input?.Join(ExecOutputDrainLimit) ?? true;
        lock (_execLock) _execs.Remove(execId);
        // A writer still blocked on the process's stdin keeps its descriptor; it is released with the shim.
        if (inputDone) exec.Stdio.Dispose();
    }

    /// <summary>Runs <c>runc exec</c>; returns the running process, or runc's error.</summary>
    private (ExecProcess? Exec, long Mark, string? Error) StartExec(string execId, ExecFiles files, bool tty, bool stdin)
    {
        var state = _args.StateDir;
        ProcessStdio? stdio = null;
        try
        {
            stdio = tty ? ProcessStdio.Terminal(ShimPaths.ExecConsole(state, execId), _devNull) : ProcessStdio.Pipes(stdin, _devNull);
            var mark = _reaper.Mark();
            var code = _reaper.Run(_runc.RuncPath, _runc.Exec(_args.ContainerId, files.Process, files.Pid, stdio.ConsoleSocket, files.Log),
                stdio.RuncStdin, stdio.RuncStdout, stdio.RuncStderr);
            stdio.CloseRuncEnds();
            if (code != 0)
            {
                // runc also printed its error to the process's stderr pipe: that is not the process's output.
                var error = RuncErrorLog.LastError(files.Log) ?? $"runc exec exited {code}";
                stdio.Dispose();
                return (null, 0, error);
            }
            stdio.AcceptTerminal();
            var pid = int.Parse(File.ReadAllText(files.Pid).Trim(), CultureInfo.InvariantCulture);
            var exec = new ExecProcess(pid, stdio);
            stdio = null;
            return (exec, mark, null);
        }
        catch (Exception e) when (e is BerthException or IOException or FormatException)
        {
            stdio?.Dispose();
            return (null, 0, "exec: " + e.Message);
        }
    }

    /// <summary>Daemon → process stdin until EOF (the daemon shut down its side or left), then closes it.</summary>
    private static void CopyInput(StreamConnection connection, ProcessStdio stdio)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            var n = connection.ReadInput(buffer);
            if (n <= 0 || !stdio.WriteInput(buffer.AsSpan(0, n))) break;
        }
        stdio.CloseInput();
    }

    private ShimResponse ResizeExec(string execId, int height, int width)
    {
        lock (_execLock)
        {
            if (!_execs.TryGetValue(execId, out var exec) || exec.Exited)
                return new ShimResponse { Ok = false, Error = $"no such exec: {execId}" };
            try
            {
                if (!exec.Stdio.Resize(height, width)) return new ShimResponse { Ok = false, Error = "exec has no terminal" };
            }
            catch (BerthException e)
            {
                return new ShimResponse { Ok = false, Error = e.Message };
            }
            return new ShimResponse { Ok = true, Pid = exec.Pid, Running = true };
        }
    }

    private ShimResponse KillExec(string execId, int signal)
    {
        lock (_execLock)
        {
            if (!_execs.TryGetValue(execId, out var exec) || exec.Exited) return new ShimResponse { Ok = true };
            if (Libc.Kill(exec.Pid, signal) != 0 && Errno.Last != Libc.ESRCH)
                return new ShimResponse { Ok = false, Error = $"kill {exec.Pid}: errno {Errno.Last}" };
            return new ShimResponse { Ok = true, Pid = exec.Pid, Running = true };
        }
    }
}
