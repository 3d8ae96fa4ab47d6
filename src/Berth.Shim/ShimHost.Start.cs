using System.Globalization;
using System.Text;
using Berth.Core;
using Berth.Core.Interop;
using Berth.Core.Storage;
using Berth.Runtime.Logging;
using Berth.Runtime.Runc;
using Berth.Runtime.Shim;

namespace Berth.Shim;

internal sealed partial class ShimHost
{
    /// <summary>Runs the container to its end; returns the shim's own exit code.</summary>
    public int Run()
    {
        // Own session and process group: signals to the daemon's group never reach the shim.
        _ = Libc.SetSid();
        Errno.ThrowIfError(Libc.Prctl(Libc.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), "prctl", "PR_SET_CHILD_SUBREAPER");
        // A launcher or client that went away must turn writes into EPIPE errors, not kill the shim.
        Libc.IgnoreSignal(Libc.SIGPIPE);

        var state = _args.StateDir;
        Directory.CreateDirectory(state);
        foreach (var stale in new[] { ShimPaths.Exit(state), ShimPaths.InitPid(state), RuncLog }) File.Delete(stale);
        AtomicFile.WriteAllBytes(ShimPaths.ShimPid(state), Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        _reaper.Start();

        var stdio = _args.Tty ? ProcessStdio.Terminal(Path.Combine(state, "console.sock"), _devNull) : ProcessStdio.Pipes(_args.OpenStdin, _devNull);
        // Without a terminal runc hands its own stdio to the container process; with one it sends the pty
        // master to the console socket and the container's stdio is the pty.
        var created = _reaper.Run(_runc.RuncPath,
            _runc.Create(_args.ContainerId, _args.BundleDir, ShimPaths.InitPid(state), stdio.ConsoleSocket, RuncLog),
            stdio.RuncStdin, stdio.RuncStdout, stdio.RuncStderr);
        stdio.CloseRuncEnds();
        if (created != 0)
        {
            // runc create's own error text also went to the stderr pipe; it is not the container's output.
            stdio.Dispose();
            return Fail(RuncErrorLog.LastError(RuncLog) ?? $"runc create exited {created}");
        }
        stdio.AcceptTerminal();
        if (_args.ConsoleHeight > 0 && _args.ConsoleWidth > 0) stdio.Resize(_args.ConsoleHeight, _args.ConsoleWidth);

        _initPid = int.Parse(File.ReadAllText(ShimPaths.InitPid(state)).Trim(), CultureInfo.InvariantCulture);
        var cgroupDir = OomCounter.MemoryCgroupDir(_initPid);
        var writer = new JsonFileLogWriter(_args.LogPath, _args.LogMaxSizeBytes, _args.LogMaxFiles);
        var fanout = new OutputFanout(_args.Attachers, AttacherWait, AttachQueueLimit);
        _stdio = stdio;
        _fanout = fanout;
        var pumps = StartPumps(stdio, writer, fanout);

        var server = new ControlServer(ShimPaths.Socket(state), this);
        server.Start();

        var started = _reaper.Run(_runc.RuncPath, _runc.Start(_args.ContainerId, RuncLog), _devNull, _devNull, _devNull);
        if (started != 0)
        {
            var error = RuncErrorLog.LastError(RuncLog) ?? $"runc start exited {started}";
            _ = _reaper.Run(_runc.RuncPath, _runc.Delete(_args.ContainerId, force: true, RuncLog), _devNull, _devNull, _devNull);
            server.Stop(TimeSpan.Zero);
            return Fail(error);
        }

        WriteReadiness(new ShimReadiness { Ok = true, Pid = _initPid });
        DetachStdio();
        var exitCode = WaitForExit(pumps, cgroupDir, server);
        writer.Dispose();
        stdio.Dispose();
        return exitCode;
    }

    /// <summary>Starts copying the container's output into the log and to attachers, one pump per stream.</summary>
    private static OutputPump[] StartPumps(ProcessStdio stdio, JsonFileLogWriter writer, OutputFanout fanout)
    {
        var outputs = stdio.TakeOutputs();
        var pumps = new OutputPump[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            pumps[i] = new OutputPump(outputs[i].Fd, outputs[i].Stderr ? "stderr" : "stdout", writer, fanout);
            pumps[i].Start();
        }
        return pumps;
    }

    /// <summary>Reports a start failure to the launcher; runc's message decides the error kind.</summary>
    public int Fail(string message, ErrorKind? kind = null)
    {
        WriteReadiness(new ShimReadiness { Ok = false, Error = message, Kind = KindName(kind ?? RuncErrors.KindOf(message)) });
        return 1;
    }

    // Enum.ToString needs reflection metadata in NativeAOT; the shim only reports these two kinds.
    private static string KindName(ErrorKind kind) =>
        kind == ErrorKind.InvalidArgument ? nameof(ErrorKind.InvalidArgument) : nameof(ErrorKind.Internal);
}
