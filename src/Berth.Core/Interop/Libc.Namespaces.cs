using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>Joining namespaces (setns(2)): the calling thread moves, the rest of the process stays where it is.</summary>
public static partial class Libc
{
    /// <summary>setns(2)'s nstype for a network namespace (CLONE_NEWNET).</summary>
    public const int NamespaceTypeNetwork = 0x40000000;

    [LibraryImport(Lib, EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNamespace(int fd, int nstype);
}
