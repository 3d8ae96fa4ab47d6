using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>The calling process's effective user and group (files a copy creates belong to them).</summary>
public static partial class Libc
{
    [LibraryImport(Lib, EntryPoint = "geteuid", SetLastError = true)]
    public static partial uint Geteuid();

    [LibraryImport(Lib, EntryPoint = "getegid", SetLastError = true)]
    public static partial uint Getegid();
}
