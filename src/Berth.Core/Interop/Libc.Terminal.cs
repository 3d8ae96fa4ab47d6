using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>Terminal control: the window size of a pty (berth-shim resizes the ptys it holds).</summary>
public static partial class Libc
{
    private const nuint TIOCSWINSZ = 0x5414;

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int IoctlWinsize(int fd, nuint request, ushort* winsize);

    /// <summary>Sets a terminal's size (TIOCSWINSZ); the foreground process group gets SIGWINCH.</summary>
    public static unsafe void SetWindowSize(int fd, int rows, int columns)
    {
        // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        var size = stackalloc ushort[4];
        size[0] = (ushort)Math.Clamp(rows, 0, ushort.MaxValue);
        size[1] = (ushort)Math.Clamp(columns, 0, ushort.MaxValue);
        size[2] = size[3] = 0;
        Errno.ThrowIfError(IoctlWinsize(fd, TIOCSWINSZ, size), "ioctl(TIOCSWINSZ)", fd.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
