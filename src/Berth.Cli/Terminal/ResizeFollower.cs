using System.Runtime.InteropServices;

namespace Berth.Cli.Terminal;

/// <summary>
/// Keeps a container's (or exec's) TTY the size of the CLI's terminal, as the docker CLI does: one resize at
/// once (retried briefly: the daemon answers 409 until the process runs), then one on every SIGWINCH. Never
/// sends 0×0; resize errors are ignored (the docker CLI only logs them at debug level).
/// </summary>
public static class ResizeFollower
{
    private static readonly int[] RetryDelaysMs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled. <paramref name="resize"/> gets (height, width)
    /// and may throw; a failure of the first resize is retried.
    /// </summary>
    public static async Task FollowAsync(Func<int, int, Task> resize, CancellationToken cancellationToken, int fd = 1)
    {
        var changed = new SemaphoreSlim(0, 1);
        using var registration = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, context =>
        {
            context.Cancel = true;
            if (changed.CurrentCount == 0)
            {
                try { changed.Release(); } catch (SemaphoreFullException) { } // bursts coalesce
            }
        });
        try
        {
            if (!await TryResizeAsync(resize, fd).ConfigureAwait(false))
            {
                foreach (var delay in RetryDelaysMs)
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    if (await TryResizeAsync(resize, fd).ConfigureAwait(false)) break;
                }
            }
            while (true)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                await TryResizeAsync(resize, fd).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Detached or the stream ended.
        }
    }

    private static async Task<bool> TryResizeAsync(Func<int, int, Task> resize, int fd)
    {
        if (TerminalSession.Size(fd) is not { } size) return true;
        try
        {
            await resize(size.Height, size.Width).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }
}
