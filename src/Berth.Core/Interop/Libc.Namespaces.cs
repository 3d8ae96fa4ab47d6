using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>Joining namespaces (setns(2)): the calling thread moves, the rest of the process stays where it is.</summary>
public static partial class Libc
{
    public const int CLONE_NEWNET = 0x40000000;

    [LibraryImport(Lib, EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int nstype);
}
