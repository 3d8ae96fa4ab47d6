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
    /// Pumps an open attach stream with terminal handling (<see cref="AttachedTerminal"/>) and the signal proxy.
    /// Returns true when the user detached.
    /// </summary>
    public static async Task<bool> PumpAsync(CliContext context, IBerthClient client, string id,
        Berth.Client.Streams.HijackedStream attach, AttachedRunOptions options, bool resizeNudge, CancellationToken cancellationToken)
    {
        using var signals = options.ProxySignals ? SignalProxy.Register(client, id) : null;
        return await AttachedTerminal.RunAsync(context, attach, options.Interactive, options.Tty, options.DetachKeys,
            (h, w) => client.Containers.ResizeAsync(id, h, w, cancellationToken), resizeNudge, cancellationToken).ConfigureAwait(false);
    }
}
