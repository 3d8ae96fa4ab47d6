using Berth.Core.Interop;

namespace Berth.Shim;

/// <summary>
/// The shim is a child subreaper, so the container's init (orphaned when <c>runc create</c> exits) is its
/// child. One background thread reaps every child with waitpid(-1) and hands each status to whoever waits
/// for that pid: the runc commands the shim spawns, and the main thread waiting for init.
/// </summary>
internal sealed class ChildReaper
{
    private readonly object _lock = new();
    private readonly Dictionary<int, (int Status, long Sequence)> _ended = [];
    private readonly Dictionary<int, Action> _exitWatchers = [];
    private long _spawns;
    private long _reaped;

    public void Start() => new Thread(ReapLoop) { IsBackground = true, Name = "reaper" }.Start();

    /// <summary>Spawns a program; <see cref="WaitFor"/> returns its status.</summary>
    public int Spawn(string program, IReadOnlyList<string> args, int stdin, int stdout, int stderr)
    {
        var pid = Libc.Spawn(program, args, stdin, stdout, stderr);
        lock (_lock)
        {
            _spawns++;
            Monitor.PulseAll(_lock);
        }
        return pid;
    }

    /// <summary>Runs a program to completion; returns its exit code.</summary>
    public int Run(string program, IReadOnlyList<string> args, int stdin, int stdout, int stderr) =>
        Libc.ExitCodeFromWaitStatus(WaitFor(Spawn(program, args, stdin, stdout, stderr)));

    /// <summary>Blocks until child <paramref name="pid"/> has ended; returns its raw wait status.</summary>
    public int WaitFor(int pid) => WaitFor(pid, since: 0);

    /// <summary>A point in the reaping order: <see cref="WaitFor(int, long)"/> ignores what was reaped before it.</summary>
    public long Mark()
    {
        lock (_lock) return _reaped;
    }

    /// <summary>
    /// Waits for a process that became our child after <paramref name="since"/> (an exec'd process, reparented
    /// to the subreaper): an older status for a reused pid belongs to an earlier orphan and is dropped.
    /// </summary>
    public int WaitFor(int pid, long since)
    {
        lock (_lock)
        {
            while (true)
            {
                if (_ended.Remove(pid, out var ended))
                {
                    if (ended.Sequence > since) return ended.Status;
                    continue;
                }
                Monitor.Wait(_lock);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="ended"/> once child <paramref name="pid"/> (a child since <paramref name="since"/>, as for
    /// <see cref="WaitFor(int, long)"/>) has been reaped; at once when it already was. The status stays for
    /// <see cref="WaitFor(int, long)"/>. The action runs under the reaper's lock, before any waiter wakes: it must
    /// be short and must not call back into the reaper.
    /// </summary>
    public void WatchExit(int pid, long since, Action ended)
    {
        lock (_lock)
        {
            if (_ended.TryGetValue(pid, out var status) && status.Sequence > since)
            {
                ended();
                return;
            }
            _exitWatchers[pid] = ended;
        }
    }

    private void ReapLoop()
    {
        while (true)
        {
            long seen;
            lock (_lock) seen = _spawns;
            var pid = Libc.WaitPid(-1, out var status, 0);
            if (pid < 0)
            {
                if (Errno.Last == Errno.EINTR) continue;
                // ECHILD: no children until the next spawn (orphans only arrive through our own children).
                lock (_lock)
                {
                    if (_spawns == seen) Monitor.Wait(_lock);
                }
                continue;
            }
            if (!Libc.WaitStatusEnded(status)) continue;
            lock (_lock)
            {
                _ended[pid] = (status, ++_reaped);
                if (_exitWatchers.Remove(pid, out var watcher)) watcher();
                Monitor.PulseAll(_lock);
            }
        }
    }
}
