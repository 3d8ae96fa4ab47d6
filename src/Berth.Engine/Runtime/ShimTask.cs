using System.Diagnostics;
using Berth.Core;
using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Engine.Runtime;

/// <summary>A container reached through its shim's socket; falls back to exit.json when the shim is gone.</summary>
internal sealed partial class ShimTask : IContainerTask
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly string _stateDir;
    private readonly Lazy<bool> _stateDirOnTmpfs;
    private readonly ShimClient _client;
    private readonly Process? _process;

    /// <param name="process">The shim process when this daemon launched it (kept so .NET reaps it), else null.</param>
    public ShimTask(string containerId, string stateDir, int pid, Process? process)
    {
        ContainerId = containerId;
        Pid = pid;
        _stateDir = stateDir;
        _stateDirOnTmpfs = new(() => Libc.IsOnTmpfs(stateDir));
        _process = process;
        _client = new ShimClient(ShimPaths.Socket(stateDir));
    }

    public string ContainerId { get; }

    public int Pid { get; }

    public async Task<ExitRecord> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var response = await _client.CallAsync(new ShimRequest { Op = ShimRequest.Wait }, cancellationToken).ConfigureAwait(false);
                if (response.Exit is { } exit) return new ExitRecord(exit.ExitCode, exit.OomKilled, exit.ExitedAt);
                throw new BerthException(ErrorKind.Internal, response.Error ?? "shim answered wait without an exit");
            }
            catch (ShimUnavailableException)
            {
                // The shim writes exit.json before it answers waiters and removes its socket.
                if (ShimContainerRuntime.ReadExitFile(_stateDir) is { } recorded) return recorded;
                if (!ShimAlive())
                {
                    // Died without a record (killed or crashed): the exit status is unknown.
                    return ShimContainerRuntime.ReadExitFile(_stateDir) ?? new ExitRecord(255, false, DateTimeOffset.UtcNow);
                }
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task KillAsync(int signal, bool all, CancellationToken cancellationToken)
    {
        ShimResponse response;
        try
        {
            response = await _client.CallAsync(new ShimRequest { Op = ShimRequest.Kill, Signal = signal, All = all }, cancellationToken).ConfigureAwait(false);
        }
        catch (ShimUnavailableException)
        {
            // No shim: the container has exited (or is being cleaned up); killing it is a no-op.
            return;
        }
        if (!response.Ok) throw new BerthException(ErrorKind.Internal, $"kill {ContainerId}: {response.Error}");
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private bool ShimAlive()
    {
        var path = ShimPaths.ShimPid(_stateDir);
        if (!File.Exists(path) || !int.TryParse(File.ReadAllText(path).Trim(), out var pid)) return false;
        if (_process is { } own && own.Id == pid) return !own.HasExited;
        if (Libc.Kill(pid, 0) != 0) return false;
        // A zombie (exited, parent has not reaped it yet) still answers kill(0).
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
