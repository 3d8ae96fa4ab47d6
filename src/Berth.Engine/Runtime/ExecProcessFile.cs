using Berth.Core;
using Berth.Core.Interop;
using Berth.Runtime.Shim;

namespace Berth.Engine.Runtime;

/// <summary>
/// The OCI process JSON of one exec, read once by <c>runc exec --process</c>. In the shim's state dir when that
/// is a tmpfs (as /run usually is); otherwise in a private directory on /dev/shm, so an exec does not create and
/// remove a file on a disk. The shim removes the file after the exec; <see cref="Release"/> removes the private
/// directory once the shim has answered (runc has read the file by then).
/// </summary>
internal sealed class ExecProcessFile
{
    private const string MemoryRoot = "/dev/shm";
    private static readonly Lazy<bool> MemoryRootUsable = new(() => Directory.Exists(MemoryRoot) && Libc.IsOnTmpfs(MemoryRoot));
    private readonly string? _scratchDir;

    private ExecProcessFile(string path, string? scratchDir)
    {
        Path = path;
        _scratchDir = scratchDir;
    }

    public string Path { get; }

    public static ExecProcessFile Write(string stateDir, bool stateDirOnTmpfs, string execId, byte[] json)
    {
        if (!stateDirOnTmpfs && MemoryRootUsable.Value)
        {
            string? scratch = null;
            try
            {
                scratch = Libc.MakePrivateTempDir(System.IO.Path.Combine(MemoryRoot, "berthd-exec-"));
                var path = System.IO.Path.Combine(scratch, "process.json");
                File.WriteAllBytes(path, json);
                return new ExecProcessFile(path, scratch);
            }
            catch (Exception e) when (e is BerthException or IOException or UnauthorizedAccessException)
            {
                // /dev/shm full or not writable: the state dir works too, only slower.
                if (scratch is not null) TryDelete(scratch);
            }
        }
        var inStateDir = ShimPaths.ExecProcess(stateDir, execId);
        File.WriteAllBytes(inStateDir, json);
        return new ExecProcessFile(inStateDir, null);
    }

    /// <summary>After the shim's answer: runc has read the file (or will not).</summary>
    public void Release()
    {
        if (_scratchDir is not null) TryDelete(_scratchDir);
    }

    /// <summary>When the shim never got the request: the file is ours to remove.</summary>
    public void Delete()
    {
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        Release();
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
