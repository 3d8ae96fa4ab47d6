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

    /// <summary>Prefix of berthd's scratch directories (an exec's process JSON).</summary>
    public const string DaemonPrefix = "berthd-exec-";

    /// <summary>Prefix of a shim's scratch directories (runc's pid file and log of an exec).</summary>
    public const string ShimPrefix = "berth-exec-";
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

    /// <summary>
    /// Removes scratch directories left by a shim or daemon killed in the middle of an exec: those older than
    /// <paramref name="age"/>. Their files are only read while runc starts the exec, so even a directory of an exec
    /// that still runs is safe to remove once it is that old; other daemons' live ones are younger.
    /// </summary>
    public static void RemoveStale(TimeSpan age)
    {
        if (!MemoryRootUsable.Value) return;
        var before = DateTime.UtcNow - age;
        foreach (var prefix in (ReadOnlySpan<string>)[DaemonPrefix, ShimPrefix])
        {
            try
            {
                foreach (var dir in Directory.EnumerateDirectories(MemoryRoot, prefix + "*"))
                {
                    if (Directory.GetLastWriteTimeUtc(dir) < before) Remove(dir);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // /dev/shm unreadable: nothing of ours to find there.
            }
        }
    }

    /// <summary>Removes a directory from <see cref="TryCreate"/> with what is left in it; null and missing ones are fine.</summary>
    public static void Remove(string? dir)
    {
        if (dir is null) return;
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
