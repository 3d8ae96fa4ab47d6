using System.Text;
using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Exec;

namespace Berth.Daemon.Api.Exec;

/// <summary>
/// One attached exec start (<c>POST /exec/{id}/start</c> without Detach), shaped like dockerd's: the exec is
/// checked before any byte is sent (404/409 stay plain HTTP errors); a process runc cannot start is reported
/// inside the stream as stdout text, as dockerd does. Output is multiplexed without a TTY and raw with one;
/// stdin (when attached) is copied until the client's EOF, which closes the process's stdin; with a TTY the
/// detach keys end the session while the process keeps running. The session ends once the exit code is
/// recorded, so a client's following inspect sees it.
/// </summary>
public sealed class ExecStreamSession
{
    private readonly ExecService _execs;
    private readonly ExecRecord _exec;
    private readonly ConsoleDimensions? _consoleSize;

    private ExecStreamSession(ExecService execs, ExecRecord exec, ConsoleDimensions? consoleSize)
    {
        _execs = execs;
        _exec = exec;
        _consoleSize = consoleSize;
    }

    public string ContentType => _exec.Options.Tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";

    public static ExecStreamSession Begin(ExecService execs, string id, ExecStartConfig? config) =>
        new(execs, execs.CheckStartable(id), ExecWireMapping.ConsoleSize(config?.ConsoleSize));

    /// <summary>Starts the exec and streams it over <paramref name="stream"/> until it ends or the client detaches.</summary>
    public async Task RunAsync(Stream stream)
    {
        var tty = _exec.Options.Tty;
        var writer = new StdStreamWriter(stream, multiplexed: !tty);
        var attachStdin = _exec.Options.AttachStdin;
        RunningExec running;
        try
        {
            running = await _execs.StartAsync(_exec.Id, _consoleSize, attachStdin,
                (kind, data) => new ValueTask(writer.WriteAsync((byte)kind, data, CancellationToken.None)), CancellationToken.None).ConfigureAwait(false);
        }
        catch (BerthException e)
        {
            await TryWriteAsync(writer, Encoding.UTF8.GetBytes(e.Message + "\r\n")).ConfigureAwait(false);
            return;
        }

        var detached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (attachStdin)
        {
            var keys = tty ? (_exec.Options.DetachKeys.Length > 0 ? DetachKeys.Parse(_exec.Options.DetachKeys) : DetachKeys.Default) : null;
            _ = CopyInputAsync(stream, running, keys, detached);
        }
        var first = await Task.WhenAny(running.Exited, detached.Task).ConfigureAwait(false);
        if (first == detached.Task)
        {
            running.DetachOutput();
            return;
        }
        try
        {
            await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone.
        }
    }

    private static async Task TryWriteAsync(StdStreamWriter writer, byte[] text)
    {
        try
        {
            await writer.WriteAsync(StdStreamWriter.Stdout, text, CancellationToken.None).ConfigureAwait(false);
            await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone.
        }
    }

    /// <summary>Client → process stdin; EOF closes it; the detach keys (TTY only) end the session instead.</summary>
    private static async Task CopyInputAsync(Stream stream, RunningExec running, IReadOnlyList<byte>? detachKeys, TaskCompletionSource detached)
    {
        var matcher = detachKeys is { Count: > 0 } ? new DetachKeyMatcher(detachKeys) : null;
        var buffer = new byte[32 * 1024];
        var pass = new List<byte>();
        try
        {
            while (true)
            {
                var n = await stream.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (n == 0) break;
                if (matcher is null)
                {
                    await running.WriteInputAsync(buffer.AsMemory(0, n), CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                pass.Clear();
                var detach = matcher.Feed(buffer.AsSpan(0, n), pass);
                if (pass.Count > 0) await running.WriteInputAsync(pass.ToArray(), CancellationToken.None).ConfigureAwait(false);
                if (detach)
                {
                    detached.TrySetResult();
                    return;
                }
            }
            running.CloseInput();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException
                                   or System.Net.Sockets.SocketException)
        {
            // The exec ended or the client left; either way there is nobody to pass input to.
        }
    }
}
