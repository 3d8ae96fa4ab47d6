using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Containers;
using Berth.Runtime.Logging;
using Berth.Runtime.Shim;

namespace Berth.Daemon.Api.Containers;

/// <summary>
/// One attach (<c>POST /containers/{id}/attach</c>) on top of the container's shim: <c>logs</c> replays the
/// json-file log, then <c>stream</c> relays the shim's live output (raw with a TTY, multiplexed without) and the
/// client's stdin until the container's output ends, the client detaches (TTY only: the detach keys) or leaves.
/// Validated and, for a container not running yet, registered for its start before the 101 is sent, so a bad
/// request is a clean 400/404 and the shim waits for this attach before reading output (none is lost).
/// The pumping is in AttachSession.Pump.cs.
/// </summary>
public sealed partial class AttachSession : IDisposable
{
    private readonly ContainerService _containers;
    private readonly string _id;
    private readonly string _logPath;
    private readonly bool _stream;
    private readonly bool _logs;
    private readonly bool _stdin;
    private readonly bool _stdout;
    private readonly bool _stderr;
    private readonly bool _tty;
    private readonly bool _stdinOnce;
    private readonly byte[] _detachKeys;
    private readonly AttachRendezvous.Registration? _beforeStart;
    private readonly Task _nextExit;

    private AttachSession(ContainerService containers, ContainerRecord record, string logPath, Func<string, bool> query,
        byte[] detachKeys, bool running)
    {
        _containers = containers;
        _id = record.Id;
        _logPath = logPath;
        _stream = query("stream");
        _logs = query("logs");
        _stdin = query("stdin") && record.Config.OpenStdin;
        _stdout = query("stdout");
        _stderr = query("stderr");
        _tty = record.Config.Tty == true;
        _stdinOnce = record.Config.StdinOnce;
        _detachKeys = detachKeys;
        if (_stream && !running)
        {
            _nextExit = containers.NextExit(record.Id);
            _beforeStart = containers.RegisterAttachBeforeStart(record.Id);
        }
        else
        {
            _nextExit = Task.CompletedTask;
        }
    }

    public string ContentType => _tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";

    /// <param name="queryString">Reads a query parameter (detachKeys).</param>
    /// <param name="query">Reads a query parameter as a boolean (stream, logs, stdin, stdout, stderr).</param>
    public static AttachSession Begin(ContainerService containers, ContainerPaths paths, string id,
        Func<string, string?> queryString, Func<string, bool> query)
    {
        var keys = DetachKeys.Default.ToArray();
        if (queryString("detachKeys") is { Length: > 0 } spec && !DetachKeys.TryParse(spec, out keys, out _))
            throw BerthException.Invalid($"Invalid detach keys ({spec}) provided");
        var record = containers.Get(id);
        if (record.State.Status == ContainerStatus.Paused)
            throw BerthException.Conflict($"container {id} is paused, unpause the container before attach");
        var session = new AttachSession(containers, record, paths.LogFile(record.Id), query, keys, record.State.IsRunning);
        // Before the 101 goes out, so the event precedes the start the client sends next (as with dockerd).
        if (session._stream) containers.PublishAttachEvent(record.Id, detached: false);
        return session;
    }

    /// <summary>
    /// Runs the attach. <paramref name="input"/> is the client's side of a hijacked connection (null for a plain
    /// HTTP response body). Never throws for a client that went away; not tied to the request's lifetime.
    /// </summary>
    public async Task RunAsync(Stream output, Stream? input)
    {
        var writer = new StdStreamWriter(output, multiplexed: !_tty);
        try
        {
            if (_logs)
            {
                var replay = new LogReadOptions { Stdout = _stdout, Stderr = _stderr };
                await LogCopy.CopyAsync(_logPath, replay, writer, timestamps: false, CancellationToken.None).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            if (!_stream) return;
            var shim = await ConnectAsync().ConfigureAwait(false);
            if (shim is null) return;
            await using (shim.ConfigureAwait(false))
            {
                await PumpAsync(shim, writer, input).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client or the shim went away; nothing to tell the client.
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => _beforeStart?.Dispose();

    /// <summary>The shim's attach stream, once the container runs; null when it stopped (or never started) first.</summary>
    private async Task<ShimStream?> ConnectAsync()
    {
        if (_beforeStart is { } registration)
        {
            // Started between Begin's look and the registration? Then connect now; the shim may count us or not.
            if (!_containers.Get(_id).State.IsRunning)
            {
                var first = await Task.WhenAny(registration.Started, _nextExit).ConfigureAwait(false);
                if (first != registration.Started) return null;
            }
        }
        return await _containers.OpenAttachStreamAsync(_id, _stdin, CancellationToken.None).ConfigureAwait(false);
    }
}
