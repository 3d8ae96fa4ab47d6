using Berth.Api;
using Berth.Client.Streams;

namespace Berth.Cli.Terminal;

/// <summary>
/// Pumps a hijacked attach or exec stream as the docker CLI does: stdin → stream (scanned for the detach keys
/// when given; at stdin's end the connection is half-closed so the daemon sees EOF), stream → stdout/stderr
/// (demultiplexed unless raw). Returns when the output ends or the user typed the detach keys; the caller
/// disposes the stream (which closes the connection) and reads the exit status.
/// </summary>
public static class HijackedIo
{
    /// <param name="stdin">Null when stdin is not attached.</param>
    /// <param name="detachKeys">Bytes to watch for on stdin; null for none (docker scans only with -i and -t).</param>
    /// <returns>True when the user detached, false when the output ended.</returns>
    public static async Task<bool> RunAsync(HijackedStream stream, Stream? stdin, Stream stdout, Stream stderr,
        IReadOnlyList<byte>? detachKeys, CancellationToken cancellationToken)
    {
        var detached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (stdin is not null) _ = CopyInputAsync(stream, stdin, detachKeys, detached, cancellationToken);
        var output = CopyOutputAsync(stream, stdout, stderr, cancellationToken);
        var first = await Task.WhenAny(output, detached.Task).ConfigureAwait(false);
        if (first == detached.Task) return true;
        await output.ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// The output side alone on the calling thread, for a stream without stdin or detach keys (<c>berth exec</c>
    /// without -i or -t): returns when the daemon ends the stream.
    /// </summary>
    public static void CopyOutput(HijackedStream stream, Stream stdout, Stream stderr)
    {
        try
        {
            stream.CopyOutputTo(stdout, stderr);
        }
        catch (IOException)
        {
            // The daemon dropped the stream (container gone); the exit status says how it ended.
        }
        try
        {
            stdout.Flush();
        }
        catch (IOException)
        {
            // Our own stdout is gone (a closed pipe); nothing left to show.
        }
    }

    private static async Task CopyOutputAsync(HijackedStream stream, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        try
        {
            await stream.CopyOutputToAsync(stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The daemon dropped the stream (container gone); the exit status says how it ended.
        }
        catch (ObjectDisposedException)
        {
            // Closed after a detach.
        }
        try
        {
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Our own stdout is gone (a closed pipe); nothing left to show.
        }
    }

    private static async Task CopyInputAsync(HijackedStream stream, Stream stdin, IReadOnlyList<byte>? detachKeys,
        TaskCompletionSource detached, CancellationToken cancellationToken)
    {
        var matcher = detachKeys is { Count: > 0 } ? new DetachKeyMatcher(detachKeys) : null;
        var buffer = new byte[32 * 1024];
        var pass = new List<byte>(buffer.Length);
        try
        {
            while (true)
            {
                var n = await stdin.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                if (matcher is null)
                {
                    await stream.Stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                pass.Clear();
                var detach = matcher.Feed(buffer.AsSpan(0, n), pass);
                if (pass.Count > 0) await stream.Stream.WriteAsync(pass.ToArray(), cancellationToken).ConfigureAwait(false);
                if (detach)
                {
                    detached.TrySetResult();
                    return;
                }
            }
            stream.CloseWrite();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The output side decides when we are done; a broken input pipe is not an error of its own.
        }
    }
}
