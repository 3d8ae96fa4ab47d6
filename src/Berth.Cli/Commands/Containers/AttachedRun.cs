using Berth.Cli.Terminal;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// What <c>run</c> (without -d) and <c>start -a</c> do, in docker's order: attach (hijack), send the wait request,
/// start, then pump the streams (<see cref="HijackedIo"/>) until the output ends or the user detaches, and return
/// the exit code the wait reports (0 after a detach: the container keeps running). A start that fails returns
/// its own exit code (the caller has printed the error). With a TTY and stdin attached the terminal is raw while
/// attached and the detach keys are watched; with a TTY on a terminal stdout the container follows its size.
/// With sig-proxy, SIGINT/SIGTERM are forwarded to the container.
/// </summary>
internal static class AttachedRun
{
    public static async Task<int> RunAsync(
        CliContext context,
        IBerthClient client,
        string id,
        AttachedRunOptions options,
        Func<Task<int?>> start,
        CancellationToken cancellationToken)
    {
        var attachOptions = new ContainerAttachOptions { Stdin = options.Interactive, DetachKeys = options.DetachKeysSpec };
        var attach = await client.Containers.AttachAsync(id, attachOptions, cancellationToken).ConfigureAwait(false);
        await using (attach.ConfigureAwait(false))
        {
            var waiter = await client.Containers.BeginWaitAsync(id, options.AutoRemove ? "removed" : "next-exit", cancellationToken).ConfigureAwait(false);
            if (await start().ConfigureAwait(false) is { } startFailure)
            {
                return startFailure;
            }

            var detached = await PumpAsync(context, client, id, attach, options, resizeNudge: false, cancellationToken).ConfigureAwait(false);
            if (detached)
            {
                return 0;
            }

            var result = await waiter.Result.ConfigureAwait(false);
            if (!string.IsNullOrEmpty(result.Error?.Message))
            {
                await context.Err.WriteLineAsync(result.Error.Message).ConfigureAwait(false);
                return CommandExecution.RunFailure;
            }
            return (int)result.StatusCode;
        }
    }

    /// <summary>
    /// Pumps an open attach stream with terminal handling (raw mode, resize, detach keys, signal proxy).
    /// Returns true when the user detached. <paramref name="resizeNudge"/>: resize to one more row and column
    /// first, so a shell already running redraws its prompt (what <c>docker attach</c> does).
    /// </summary>
    public static async Task<bool> PumpAsync(CliContext context, IBerthClient client, string id,
        Berth.Client.Streams.HijackedStream attach, AttachedRunOptions options, bool resizeNudge, CancellationToken cancellationToken)
    {
        using var signals = options.ProxySignals ? SignalProxy.Register(client, id) : null;
        using var stopResize = new CancellationTokenSource();
        var resizing = options.Tty && TerminalSession.IsTerminal(1)
            ? FollowSizeAsync(client, id, resizeNudge, stopResize.Token)
            : Task.CompletedTask;
        var raw = options.Tty && options.Interactive ? TerminalSession.EnterRaw() : null;
        try
        {
            var stdin = !options.Interactive ? null : raw is not null ? raw.OpenInput() : context.OpenStdin();
            var keys = raw is not null ? options.DetachKeys : null;
            // With a TTY the container has one stream; docker sends it all to stdout.
            var stdout = raw is not null ? TerminalSession.OpenOutput() : context.StdoutStream;
            var stderr = options.Tty ? stdout : context.StderrStream;
            return await HijackedIo.RunAsync(attach, stdin, stdout, stderr, keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            raw?.Dispose();
            await stopResize.CancelAsync().ConfigureAwait(false);
            await resizing.ConfigureAwait(false);
        }
    }

    private static async Task FollowSizeAsync(IBerthClient client, string id, bool nudge, CancellationToken cancellationToken)
    {
        if (nudge && TerminalSession.Size() is { } size)
        {
            try
            {
                await client.Containers.ResizeAsync(id, size.Height + 1, size.Width + 1, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BerthApiException or DaemonConnectionException or IOException or HttpRequestException)
            {
                // The follower below sets the real size anyway.
            }
        }
        await ResizeFollower.FollowAsync((h, w) => client.Containers.ResizeAsync(id, h, w, cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
