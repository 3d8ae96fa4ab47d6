using Berth.Core;
using Berth.Core.Interop;

namespace Berth.Runtime.Shim;

/// <summary>
/// Where an exec's short-lived files go (berthd's process JSON; runc's pid file and error log in the shim) when the
/// shim's state dir is on a disk: runc writes its pid file with O_SYNC, and every create and unlink on ext4 is
/// journal work on the exec's path. A private directory (mkdtemp, mode 0700) on /dev/shm keeps them in memory.
/// Where the state dir already is a tmpfs (as /run usually is), or /dev/shm is not a usable tmpfs, there is none
/// and the files stay in the state dir.
/// </summary>
public static class ExecScratchDir
{
    private const string MemoryRoot = "/dev/shm";
    private static readonly Lazy<bool> MemoryRootUsable = new(() => Directory.Exists(MemoryRoot) && Libc.IsOnTmpfs(MemoryRoot));

    /// <summary>A new private directory named <paramref name="prefix"/>…, or null when the files belong in the state dir.</summary>
    /// <param name="stateDirOnTmpfs">Whether the state dir is a tmpfs (<see cref="Libc.IsOnTmpfs"/>, checked once by the caller).</param>
    public static string? TryCreate(bool stateDirOnTmpfs, string prefix)
    {
        if (stateDirOnTmpfs || !MemoryRootUsable.Value) return null;
        try
        {
            return Libc.MakePrivateTempDir(Path.Combine(MemoryRoot, prefix));
        }
        catch (BerthException)
        {
            return null; // /dev/shm full or not writable: the state dir works too, only slower
        }
    }

    /// <summary>Removes a directory from <see cref="TryCreate"/> with what is left in it; null and missing ones are fine.</summary>
    public static void Remove(string? dir)
    {
        if (dir is null) return;
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
