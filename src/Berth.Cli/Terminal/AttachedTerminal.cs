using Berth.Client.Streams;

namespace Berth.Cli.Terminal;

/// <summary>
/// The terminal side of an attach or an exec, as the docker CLI does it. With a TTY and stdin attached, the
/// terminal is raw while attached and the detach keys are watched. With a TTY on a terminal stdout, the remote
/// TTY follows the window size through <c>resize</c>. Then <see cref="HijackedIo"/> pumps the streams. Returns
/// true when the user detached.
/// </summary>
public static class AttachedTerminal
{
    /// <param name="resize">Sets the remote TTY's size (height, width): the container's or the exec's resize endpoint.</param>
    /// <param name="resizeNudge">Resize to one more row and column first, so a shell already running redraws its prompt (<c>docker attach</c>).</param>
    public static async Task<bool> RunAsync(CliContext context, HijackedStream stream, bool interactive, bool tty,
        IReadOnlyList<byte> detachKeys, Func<int, int, Task> resize, bool resizeNudge, CancellationToken cancellationToken)
    {
        using var stopResize = new CancellationTokenSource();
        var resizing = tty && TerminalSession.IsTerminal(1)
            ? FollowSizeAsync(resize, resizeNudge, stopResize.Token)
            : Task.CompletedTask;
        var raw = tty && interactive ? TerminalSession.EnterRaw() : null;
        try
        {
            var stdin = !interactive ? null : raw is not null ? raw.OpenInput() : context.OpenStdin();
            var keys = raw is not null ? detachKeys : null;
            var stdout = raw is not null ? TerminalSession.OpenOutput() : context.StdoutStream;
            // With a TTY the remote side has one stream; docker sends it all to stdout.
            var stderr = tty ? stdout : context.StderrStream;
            return await HijackedIo.RunAsync(stream, stdin, stdout, stderr, keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            raw?.Dispose();
            await stopResize.CancelAsync().ConfigureAwait(false);
            await resizing.ConfigureAwait(false);
        }
    }

    private static async Task FollowSizeAsync(Func<int, int, Task> resize, bool nudge, CancellationToken cancellationToken)
    {
        if (nudge && TerminalSession.Size() is { } size)
        {
            try
            {
                await resize(size.Height + 1, size.Width + 1).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The follower below sets the real size anyway.
            }
        }
        await ResizeFollower.FollowAsync(resize, cancellationToken).ConfigureAwait(false);
    }
}
