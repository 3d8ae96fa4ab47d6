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
    private readonly FileStream _file;

    private IptablesHostLock(FileStream file) => _file = file;

    public static async Task<IptablesHostLock> AcquireAsync(CancellationToken cancellationToken, string path = DefaultPath)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            var fd = (int)file.SafeFileHandle.DangerousGetHandle();
            while (Libc.Flock(fd, Libc.LOCK_EX | Libc.LOCK_NB) != 0)
            {
                if (Errno.Last is not (WouldBlock or Errno.EINTR)) Errno.ThrowIfError(-1, "flock", path);
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
            return new IptablesHostLock(file);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => _file.Dispose(); // closing the descriptor releases the lock
}
