using Berth.Core.Storage;
using Berth.Runtime.Shim;
using Berth.Core.Interop;

namespace Berth.Shim;

internal sealed partial class ShimHost
{
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits for init to end, then: drains output, reads the OOM counter (before <c>runc delete</c> removes
    /// the cgroup), writes exit.json crash-safely, deletes the runc container, answers waiters.
    /// </summary>
    private int WaitForExit(OutputPump[] pumps, string? cgroupDir, ControlServer server)
    {
        var status = _reaper.WaitFor(_initPid);
        var exitedAt = DateTimeOffset.UtcNow;
        lock (_lock) _initExited = true;

        // The pid namespace dies with init, so the pipes close; bounded in case something kept a copy.
        foreach (var pump in pumps) pump.Join(OutputDrainLimit);
        // Attach streams end with the output (their senders flush what is queued and close), so the drain below does not wait.
        _fanout?.Complete();

        var exit = new ShimExitStatus
        {
            ExitCode = Libc.ExitCodeFromWaitStatus(status),
            OomKilled = OomCounter.WasOomKilled(cgroupDir),
            ExitedAt = exitedAt,
        };
        AtomicFile.WriteAllBytes(ShimPaths.Exit(_args.StateDir), ShimWire.Write(exit));
        _ = _reaper.Run(_runc.RuncPath, _runc.Delete(_args.ContainerId, force: true, RuncLog), _devNull, _devNull, _devNull);

        lock (_lock)
        {
            _exit = exit;
            Monitor.PulseAll(_lock);
        }
        server.Stop(TimeSpan.FromSeconds(5));
        return 0;
    }
}
