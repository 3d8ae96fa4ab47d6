using System.Runtime.InteropServices;

namespace Berth.Cli.Terminal;

/// <summary>
/// The few libc calls the CLI needs for its terminal (termios, window size). The CLI never references
/// Berth.Core (it only talks to the API), so these live here rather than in Core's Interop.
/// </summary>
internal static partial class TerminalNative
{
    private const string Lib = "libc";

    /// <summary>glibc's <c>struct termios</c> is 60 bytes on Linux; the buffer is opaque to us (cfmakeraw edits it).</summary>
    public const int TermiosSize = 64;

    private const int TCSANOW = 0;
    private const nuint TIOCGWINSZ = 0x5413;

    [LibraryImport(Lib, EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport(Lib, EntryPoint = "tcgetattr", SetLastError = true)]
    private static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Lib, EntryPoint = "tcsetattr", SetLastError = true)]
    private static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Lib, EntryPoint = "cfmakeraw")]
    private static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int Ioctl(int fd, nuint request, ushort* argument);

    public static unsafe byte[]? GetAttributes(int fd)
    {
        var state = new byte[TermiosSize];
        fixed (byte* p = state)
        {
            return TcGetAttr(fd, p) == 0 ? state : null;
        }
    }

    public static unsafe bool SetAttributes(int fd, byte[] state)
    {
        fixed (byte* p = state)
        {
            return TcSetAttr(fd, TCSANOW, p) == 0;
        }
    }

    /// <summary>A copy of <paramref name="state"/> in raw mode (cfmakeraw: the same flags as Docker's MakeRaw).</summary>
    public static unsafe byte[] MakeRaw(byte[] state)
    {
        var raw = (byte[])state.Clone();
        fixed (byte* p = raw)
        {
            CfMakeRaw(p);
        }
        return raw;
    }

    /// <summary>Rows and columns of the terminal on <paramref name="fd"/>, or null when it is not a terminal.</summary>
    public static unsafe (int Height, int Width)? GetWindowSize(int fd)
    {
        // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        var size = stackalloc ushort[4];
        if (Ioctl(fd, TIOCGWINSZ, size) != 0) return null;
        return (size[0], size[1]);
    }
}
