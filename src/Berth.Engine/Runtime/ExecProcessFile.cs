using Berth.Runtime.Shim;

namespace Berth.Engine.Runtime;

/// <summary>
/// The OCI process JSON of one exec, read once by <c>runc exec --process</c>: in an <see cref="ExecScratchDir"/>
/// when the shim's state dir is on a disk, else in the state dir. The shim removes the file after the exec;
/// <see cref="Release"/> removes the scratch directory once the shim has answered (runc has read the file by then).
/// </summary>
internal sealed class ExecProcessFile
{
    private readonly string? _scratchDir;

    private ExecProcessFile(string path, string? scratchDir)
    {
        Path = path;
        _scratchDir = scratchDir;
    }

    public string Path { get; }

    public static ExecProcessFile Write(string stateDir, bool stateDirOnTmpfs, string execId, byte[] json)
    {
        if (ExecScratchDir.TryCreate(stateDirOnTmpfs, ExecScratchDir.DaemonPrefix) is { } scratch)
        {
            try
            {
                var path = System.IO.Path.Combine(scratch, "process.json");
                File.WriteAllBytes(path, json);
                return new ExecProcessFile(path, scratch);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ExecScratchDir.Remove(scratch); // /dev/shm full: the state dir works too, only slower
            }
        }
        var inStateDir = ShimPaths.ExecProcess(stateDir, execId);
        File.WriteAllBytes(inStateDir, json);
        return new ExecProcessFile(inStateDir, null);
    }

    /// <summary>After the shim's answer: runc has read the file (or will not).</summary>
    public void Release() => ExecScratchDir.Remove(_scratchDir);

    /// <summary>When the shim never got the request: the file is ours to remove.</summary>
    public void Delete()
    {
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        Release();
    }
}
