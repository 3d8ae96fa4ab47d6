using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>rtnetlink sockets and network namespaces (berthd's per-container bridge set-up without forking <c>ip</c>).</summary>
public static partial class Libc
{
    public const int AF_NETLINK = 16;
    public const int SOCK_RAW = 3;
    public const int NETLINK_ROUTE = 0;
    public const int CLONE_NEWNET = 0x40000000;
    public const int ENODEV = 19;

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int NetlinkSocket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "send", SetLastError = true)]
    public static unsafe partial nint Send(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport(Lib, EntryPoint = "recv", SetLastError = true)]
    public static unsafe partial nint Recv(int fd, byte* buffer, nuint length, int flags);

    /// <summary>Moves the calling thread into the namespace behind <paramref name="fd"/>.</summary>
    [LibraryImport(Lib, EntryPoint = "setns", SetLastError = true)]
    public static partial int Setns(int fd, int namespaceType);

    /// <summary>Gives the calling thread new namespaces of the given kinds.</summary>
    [LibraryImport(Lib, EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    /// <summary>The index of an interface in the calling thread's network namespace (0 when there is none).</summary>
    [LibraryImport(Lib, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint IfNameToIndex(string name);
}
