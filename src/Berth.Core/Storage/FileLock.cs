using Berth.Core.Interop;

namespace Berth.Core.Storage;

/// <summary>
/// An flock(2) on a lock file, held until disposed. Opened with a raw descriptor, not a FileStream: .NET's
/// FileStream takes its own advisory lock on open, which makes a second process's open fail while we hold ours.
/// flock locks belong to the open file description, so each holder opens the file itself. Waiting polls, so it
/// can be cancelled.
/// </summary>
public sealed class FileLock : IDisposable
{
    private const int WouldBlock = 11; // EWOULDBLOCK (= EAGAIN on Linux)
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private int _fd;

    private FileLock(int fd) => _fd = fd;

    public static Task<FileLock> ExclusiveAsync(string path, CancellationToken cancellationToken) => AcquireAsync(path, Libc.LOCK_EX, cancellationToken);

    public static Task<FileLock> SharedAsync(string path, CancellationToken cancellationToken) => AcquireAsync(path, Libc.LOCK_SH, cancellationToken);

    private static async Task<FileLock> AcquireAsync(string path, int operation, CancellationToken cancellationToken)
    {
        var fd = Libc.Open(path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_CLOEXEC, 0x1a4);
        Errno.ThrowIfError(fd, "open", path);
        try
        {
            while (Libc.Flock(fd, operation | Libc.LOCK_NB) != 0)
            {
                if (Errno.Last is not (WouldBlock or Errno.EINTR)) Errno.ThrowIfError(-1, "flock", path);
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            return new FileLock(fd);
        }
        catch
        {
            _ = Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Closing the descriptor releases the lock.</summary>
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) _ = Libc.Close(fd);
    }
}
