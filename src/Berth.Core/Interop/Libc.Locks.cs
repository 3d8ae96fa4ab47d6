using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>Advisory whole-file locks (flock(2)): shared between processes that open the same lock file.</summary>
public static partial class Libc
{
    public const int LOCK_SH = 1;
    public const int LOCK_EX = 2;
    public const int LOCK_NB = 4;
    public const int LOCK_UN = 8;

    [LibraryImport(Lib, EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);
}
