using Berth.Core.Interop;

namespace Berth.Registry.Storage;

/// <summary>
/// The registry root's <c>gc.lock</c> (flock): the server holds it shared while it links blobs and writes
/// manifests, the garbage collector exclusively while it marks and sweeps, so a sweep never races a push.
/// Each holder opens its own descriptor (flock locks belong to the open file description).
/// </summary>
public sealed class StoreLock : IDisposable
{
    private int _fd;

    private StoreLock(int fd) => _fd = fd;

    public static string PathIn(string root) => Path.Combine(root, "gc.lock");

    public static Task<StoreLock> SharedAsync(string root, CancellationToken cancellationToken) => AcquireAsync(root, Libc.LOCK_SH, cancellationToken);

    public static Task<StoreLock> ExclusiveAsync(string root, CancellationToken cancellationToken) => AcquireAsync(root, Libc.LOCK_EX, cancellationToken);

    private static async Task<StoreLock> AcquireAsync(string root, int operation, CancellationToken cancellationToken)
    {
        var path = PathIn(root);
        var fd = Libc.Open(path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_CLOEXEC, 0x1a4);
        Errno.ThrowIfError(fd, "open", path);
        try
        {
            if (Libc.Flock(fd, operation | Libc.LOCK_NB) != 0)
            {
                // Held by the other side: wait for it off the request thread (a sweep is short).
                await Task.Run(() =>
                {
                    int result;
                    while ((result = Libc.Flock(fd, operation)) != 0 && Errno.Last == Errno.EINTR) { }
                    Errno.ThrowIfError(result, "flock", path);
                }, cancellationToken).ConfigureAwait(false);
            }
            return new StoreLock(fd);
        }
        catch
        {
            _ = Libc.Close(fd);
            throw;
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) _ = Libc.Close(fd);
    }
}
