using Berth.Core.Interop;

namespace Berth.Engine.Networking;

/// <summary>
/// A host-wide flock(2) around berth's iptables read-modify-write steps (save → decide → restore), so two
/// berthd processes on one host (tests run several) never both declare — and so flush — a shared chain.
/// </summary>
public sealed class IptablesHostLock : IDisposable
{
    public const string DefaultPath = "/run/berth-iptables.lock";
    private const int WouldBlock = 11; // EWOULDBLOCK (= EAGAIN on Linux)
    private readonly int _fd;

    private IptablesHostLock(int fd) => _fd = fd;

    /// <summary>
    /// Waits for the lock. The file is opened with open(2), not FileStream: .NET emulates FileShare with a
    /// non-blocking flock of its own, which fails at once ("being used by another process") while another
    /// berthd holds this lock.
    /// </summary>
    public static async Task<IptablesHostLock> AcquireAsync(CancellationToken cancellationToken, string path = DefaultPath)
    {
        var fd = Libc.Open(path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_CLOEXEC, 0b110_000_000);
        Errno.ThrowIfError(fd, "open", path);
        try
        {
            while (Libc.Flock(fd, Libc.LOCK_EX | Libc.LOCK_NB) != 0)
            {
                if (Errno.Last is not (WouldBlock or Errno.EINTR)) Errno.ThrowIfError(-1, "flock", path);
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
            return new IptablesHostLock(fd);
        }
        catch
        {
            _ = Libc.Close(fd);
            throw;
        }
    }

    public void Dispose() => _ = Libc.Close(_fd); // closing the descriptor releases the lock
}
