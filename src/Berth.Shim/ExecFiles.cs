using Berth.Core;
using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// The files of one exec: the process JSON the daemon wrote into the state dir, and runc's pid file and error
/// log. runc writes its pid file with O_SYNC, a synchronous disk write on every exec when the state dir is on
/// a disk, so those two go into a private directory on a tmpfs (/dev/shm) then; where the state dir already is
/// a tmpfs (as /run usually is), or no tmpfs is at hand, they stay beside the process JSON.
/// </summary>
internal sealed class ExecFiles
{
    private const string MemoryRoot = "/dev/shm";
    private static readonly Lazy<bool> MemoryRootUsable = new(() => Directory.Exists(MemoryRoot) && Libc.IsOnTmpfs(MemoryRoot));
    private readonly string? _scratchDir;

    private ExecFiles(string process, string pid, string log, string? scratchDir)
    {
        Process = process;
        Pid = pid;
        Log = log;
        _scratchDir = scratchDir;
    }

    public string Process { get; }
    public string Pid { get; }
    public string Log { get; }

    /// <param name="stateDirOnTmpfs">Whether the state dir is a tmpfs (checked once per shim).</param>
    public static ExecFiles For(string stateDir, string execId, string processFile, bool stateDirOnTmpfs)
    {
        if (!stateDirOnTmpfs && MemoryRootUsable.Value)
        {
            try
            {
                var scratch = Libc.MakePrivateTempDir(Path.Combine(MemoryRoot, "berth-exec-"));
                return new ExecFiles(processFile, Path.Combine(scratch, "pid"), Path.Combine(scratch, "log"), scratch);
            }
            catch (BerthException)
            {
                // /dev/shm full or not writable: the state dir works too, only slower.
            }
        }
        return new ExecFiles(processFile, ShimPaths.ExecPid(stateDir, execId), ShimPaths.ExecLog(stateDir, execId), null);
    }

    /// <summary>Removes every file (and the scratch directory); missing ones are fine.</summary>
    public void Delete()
    {
        foreach (var file in new[] { Process, Pid, Log })
        {
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_scratchDir is null) return;
        try { Directory.Delete(_scratchDir); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
