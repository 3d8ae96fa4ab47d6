using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>Terminal and readiness calls for berth-shim's attach: window size on a pty master, hang-up detection.</summary>
public static partial class Libc
{
    private const nuint TIOCSWINSZ = 0x5414;

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int IoctlPointer(int fd, nuint request, void* argument);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(void* fds, nuint count, int timeoutMs);

    /// <summary>
    /// TIOCSWINSZ: sets the rows and columns of a terminal (on a pty master it applies to the slave, whose
    /// foreground process group gets SIGWINCH when the size changes).
    /// </summary>
    public static unsafe void SetWindowSize(int fd, int rows, int columns)
    {
        // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        var size = stackalloc ushort[4];
        size[0] = (ushort)Math.Clamp(rows, 0, ushort.MaxValue);
        size[1] = (ushort)Math.Clamp(columns, 0, ushort.MaxValue);
        size[2] = size[3] = 0;
        Errno.ThrowIfError(IoctlPointer(fd, TIOCSWINSZ, size), "ioctl(TIOCSWINSZ)", fd.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Blocks until the socket is hung up in both directions (POLLHUP: the peer closed it, or this side shut it
    /// down completely) or fails. A peer that only shut down its write side does not end the wait.
    /// </summary>
    public static unsafe void WaitForHangup(int fd)
    {
        // struct pollfd { int fd; short events; short revents; }; POLLHUP and POLLERR are always reported.
        var entry = stackalloc int[2];
        while (true)
        {
            entry[0] = fd;
            entry[1] = 0;
            var n = Poll(entry, 1, -1);
            if (n < 0 && Errno.Last == Errno.EINTR) continue;
            // With no events asked for, only POLLHUP, POLLERR or POLLNVAL can be reported.
            if (n != 0) return;
        }
    }
}
