using System.Runtime.InteropServices;

namespace Berth.Core.Interop;

/// <summary>Readiness on several descriptors at once and eventfd wake-ups (berth-shim's exec output pump).</summary>
public static partial class Libc
{
    public const short POLLIN = 0x001;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;
    private const int EFD_CLOEXEC = 0x80000;

    [LibraryImport(Lib, EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFdNative(uint initial, int flags);

    /// <summary>A close-on-exec eventfd (counter 0): readable once <see cref="SignalEventFd"/> ran.</summary>
    public static int CreateEventFd()
    {
        var fd = EventFdNative(0, EFD_CLOEXEC);
        Errno.ThrowIfError(fd, "eventfd", "");
        return fd;
    }

    /// <summary>Adds one to an eventfd's counter (never blocks in practice: the counter does not near its limit).</summary>
    public static unsafe void SignalEventFd(int fd)
    {
        ulong one = 1;
        while (Write(fd, (byte*)&one, sizeof(ulong)) < 0 && Errno.Last == Errno.EINTR)
        {
        }
    }

    /// <summary>
    /// poll(2) over <paramref name="fds"/>, retrying on EINTR (with the full timeout again); returns the number of
    /// ready entries (0 on timeout), their <see cref="PollFd.ReturnedEvents"/> set. Negative timeout: no limit.
    /// </summary>
    public static unsafe int PollRetrying(Span<PollFd> fds, int timeoutMs)
    {
        fixed (PollFd* p = fds)
        {
            while (true)
            {
                var n = Poll(p, (nuint)fds.Length, timeoutMs);
                if (n >= 0) return n;
                if (Errno.Last != Errno.EINTR) throw Errno.Exception("poll", "");
            }
        }
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
