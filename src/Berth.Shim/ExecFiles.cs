using Berth.Runtime.Shim;

namespace Berth.Shim;

/// <summary>
/// The files of one exec: the process JSON the daemon wrote, and runc's pid file and error log, which go into an
/// <see cref="ExecScratchDir"/> when the state dir is on a disk (runc writes the pid file with O_SYNC), else
/// beside the process JSON in the state dir.
/// </summary>
internal sealed class ExecFiles
{
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
    public static ExecFiles For(string stateDir, string execId, string processFile, bool stateDirOnTmpfs) =>
        ExecScratchDir.TryCreate(stateDirOnTmpfs, ExecScratchDir.ShimPrefix) is { } scratch
            ? new ExecFiles(processFile, Path.Combine(scratch, "pid"), Path.Combine(scratch, "log"), scratch)
            : new ExecFiles(processFile, ShimPaths.ExecPid(stateDir, execId), ShimPaths.ExecLog(stateDir, execId), null);

    /// <summary>Removes every file (and the scratch directory); missing ones are fine.</summary>
    public void Delete()
    {
        foreach (var file in new[] { Process, Pid, Log })
        {
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        ExecScratchDir.Remove(_scratchDir);
    }
}
