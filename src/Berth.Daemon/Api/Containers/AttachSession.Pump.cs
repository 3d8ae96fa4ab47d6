using Berth.Api;
using Berth.Daemon.Api.Streaming;
using Berth.Runtime.Shim;

namespace Berth.Daemon.Api.Containers;

public sealed partial class AttachSession
{
    /// <summary>
    /// Shim frames → client, client stdin → shim. Ends at the end of the shim's output, a failed write to the
    /// client, the detach keys, or the end of the client's stdin unless Docker's rule keeps output flowing
    /// (StdinOnce without TTY: the container's stdin is closed, output continues).
    /// </summary>
    private async Task PumpAsync(ShimStream shim, StdStreamWriter writer, Stream? input)
    {
        using var end = new CancellationTokenSource();
        var output = CopyOutputAsync(shim, writer, end.Token);
        var inputDone = _stdin && input is not null ? CopyInputAsync(shim, input, end.Token) : null;
        if (inputDone is null)
        {
            await output.ConfigureAwait(false);
            return;
        }
        var first = await Task.WhenAny(output, inputDone).ConfigureAwait(false);
        var inputEnd = first == inputDone ? await inputDone.ConfigureAwait(false) : (InputEnd?)null;
        if (inputEnd == InputEnd.KeepOutput)
        {
            await output.ConfigureAwait(false);
            return;
        }
        if (inputEnd == InputEnd.Detached) _containers.PublishAttachEvent(_id, detached: true);
        await end.CancelAsync().ConfigureAwait(false);
        await shim.DisposeAsync().ConfigureAwait(false); // wakes a pending frame read
        await Task.WhenAll(Quietly(output), Quietly(inputDone)).ConfigureAwait(false);
    }

    private async Task CopyOutputAsync(ShimStream shim, StdStreamWriter writer, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Output already here goes out in one write; the client gets it the moment the shim has no more.
            var next = shim.ReadFrameAsync(cancellationToken);
            if (!next.IsCompleted) await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (await next.ConfigureAwait(false) is not { } frame) break;
            var wanted = frame.Kind switch
            {
                ShimFrame.Stdout => _stdout,
                ShimFrame.Stderr => _stderr,
                _ => false,
            };
            if (wanted) await writer.WriteAsync(frame.Kind, frame.Payload, cancellationToken).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private enum InputEnd
    {
        /// <summary>The client's stdin ended and the container's stdin was closed; output keeps flowing.</summary>
        KeepOutput,

        /// <summary>The client's stdin ended in a mode where that ends the attach.</summary>
        EndAttach,

        /// <summary>The client typed the detach keys.</summary>
        Detached,
    }

    private async Task<InputEnd> CopyInputAsync(ShimStream shim, Stream input, CancellationToken cancellationToken)
    {
        // dockerd scans for the detach keys only with a TTY.
        var matcher = _tty ? new DetachKeyMatcher(_detachKeys) : null;
        var buffer = new byte[32 * 1024];
        var pass = new List<byte>(buffer.Length);
        try
        {
            while (true)
            {
                var n = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                if (matcher is null)
                {
                    await shim.WriteInputAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                pass.Clear();
                var detach = matcher.Feed(buffer.AsSpan(0, n), pass);
                if (pass.Count > 0) await shim.WriteInputAsync(pass.ToArray(), cancellationToken).ConfigureAwait(false);
                if (detach) return InputEnd.Detached;
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client vanished: as an end of its stdin.
        }
        if (_stdinOnce && !_tty)
        {
            shim.CloseInput();
            return InputEnd.KeepOutput;
        }
        return InputEnd.EndAttach;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Ending anyway.
        }
    }
}
