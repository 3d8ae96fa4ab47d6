using Berth.Core.Interop;
using Berth.Runtime.Runc;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// One container's shim: starts it with runc, logs its output, reaps it, records its exit, answers the daemon.
/// The lifecycle is in ShimHost.Start.cs (create/start) and ShimHost.Exit.cs (reap, record, delete).
/// </summary>
internal sealed partial class ShimHost
{
    private readonly ShimArguments _args;
    private readonly RuncCommandLine _runc;
    private readonly ChildReaper _reaper = new();
    private readonly object _lock = new();
    private readonly int _devNull;
    private int _initPid;
    private bool _initExited;
    private ShimExitStatus? _exit;
    private ProcessStdio? _stdio;
    private OutputFanout? _fanout;

    public ShimHost(ShimArguments args)
    {
        _args = args;
        _runc = new RuncCommandLine(args.RuncPath, args.RuncRoot);
        _devNull = Libc.Open("/dev/null", Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        Errno.ThrowIfError(_devNull, "open", "/dev/null");
        _stateDirOnTmpfs = Libc.IsOnTmpfs(args.StateDir);
    }

    private string RuncLog => ShimPaths.RuncLog(_args.StateDir);

    /// <summary>Answers one control request (called on connection threads).</summary>
    public ShimResponse Handle(ShimRequest request)
    {
        switch (request.Op)
        {
            case ShimRequest.State:
                lock (_lock) return new ShimResponse { Ok = true, Pid = _initPid, Running = !_initExited, Exit = _exit };
            case ShimRequest.Wait:
                lock (_lock)
                {
                    while (_exit is null) Monitor.Wait(_lock);
                    return new ShimResponse { Ok = true, Pid = _initPid, Exit = _exit };
                }
            case ShimRequest.Kill when request.ExecId is { } execId:
                return KillExec(execId, request.Signal);
            case ShimRequest.Kill:
                return Kill(request.Signal, request.All);
            case ShimRequest.Resize when request.ExecId is null:
                return ResizeTerminal(request.Height, request.Width);
            case ShimRequest.Resize when request.ExecId is { } execId:
                return ResizeExec(execId, request.Height, request.Width);
            default:
                return new ShimResponse { Ok = false, Error = $"unsupported operation \"{request.Op}\"" };
        }
    }

    /// <summary>Serves a streaming op on its connection (called on the connection's thread; returns when the stream ends).</summary>
    public void HandleStream(ShimRequest request, StreamConnection connection)
    {
        switch (request.Op)
        {
            case ShimRequest.Attach:
                Attach(request, connection);
                return;
            case ShimRequest.Exec:
                Exec(request, connection);
                return;
            default:
                connection.WriteResponse(new ShimResponse { Ok = false, Error = $"unsupported operation \"{request.Op}\"" });
                return;
        }
    }

    private ShimResponse Kill(int signal, bool all)
    {
        lock (_lock)
        {
            if (_initExited) return new ShimResponse { Ok = true, Pid = _initPid };
        }
        var code = _reaper.Run(_runc.RuncPath, _runc.Kill(_args.ContainerId, signal, all, RuncLog), _devNull, _devNull, _devNull);
        if (code == 0) return new ShimResponse { Ok = true, Pid = _initPid, Running = true };
        lock (_lock)
        {
            if (_initExited) return new ShimResponse { Ok = true, Pid = _initPid };
        }
        var error = RuncErrorLog.LastError(RuncLog) ?? $"runc kill exited {code}";
        // runc 1.1: "container not running" once init is gone but before the shim reaped it: nothing to kill.
        if (error.Contains("not running", StringComparison.Ordinal)) return new ShimResponse { Ok = true, Pid = _initPid };
        return new ShimResponse { Ok = false, Error = error };
    }

    private void WriteReadiness(ShimReadiness readiness)
    {
        var bytes = ShimWire.Write(readiness);
        try
        {
            Libc.WriteAll(1, bytes);
            Libc.WriteAll(1, "\n"u8);
        }
        catch (Core.BerthException)
        {
            // The launcher is gone; the exit record and socket still tell the story.
        }
    }

    /// <summary>Points stdio at /dev/null so the shim survives the daemon that launched it.</summary>
    private void DetachStdio()
    {
        _ = Libc.Dup2(_devNull, 0);
        _ = Libc.Dup2(_devNull, 1);
        _ = Libc.Dup2(_devNull, 2);
    }
}
