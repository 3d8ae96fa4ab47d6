using Berth.Runtime.Shim;

namespace Berth.Shim;

internal sealed partial class ShimHost
{
    /// <summary>How long output waits for the attachers the daemon announced at start (clients attached before start).</summary>
    private static readonly TimeSpan AttacherWait = TimeSpan.FromSeconds(5);

    /// <summary>Output queued for one attacher beyond which it is dropped (it fell behind or vanished).</summary>
    private const int AttachQueueLimit = 1024 * 1024;

    /// <summary>
    /// The <c>attach</c> op: output frames (live, from the moment of attach) on a sender thread, input on this one.
    /// Input EOF with StdinOnce and no terminal closes the container's stdin (Docker's rule); otherwise the
    /// container's stdin stays open for later attachers. The stream ends when the output ends, the attacher
    /// falls behind, a write fails, or the daemon closes the connection.
    /// </summary>
    private void Attach(ShimRequest request, StreamConnection connection)
    {
        if (_fanout is not { } fanout || _stdio is not { } stdio)
        {
            connection.WriteResponse(new ShimResponse { Ok = false, Error = "container not started" });
            return;
        }
        // Subscribed before the response: nothing published after the daemon sees "ok" is missed.
        var subscriber = fanout.Subscribe();
        connection.WriteResponse(new ShimResponse { Ok = true, Pid = _initPid, Running = true });
        var sender = new Thread(() => Send(subscriber, connection)) { IsBackground = true, Name = "attach-out" };
        sender.Start();

        var buffer = new byte[8 * 1024];
        var forward = request.Stdin;
        while (true)
        {
            var n = connection.ReadInput(buffer);
            if (n <= 0) break;
            if (forward && !stdio.WriteInput(buffer.AsSpan(0, n))) forward = false;
        }
        if (request.Stdin && _args.StdinOnce && !stdio.IsTerminal) stdio.CloseInput();
        // EOF on input may be a half-close (stdin ended, output still wanted) or the daemon leaving.
        connection.WaitForHangup();
        subscriber.Close();
        sender.Join();
    }

    private static void Send(FanoutSubscriber subscriber, StreamConnection connection)
    {
        while (subscriber.TryTake(out var kind, out var payload))
        {
            if (!connection.WriteFrame(kind, payload)) break;
        }
        subscriber.Close();
        // Wakes the input side (blocked in read or in the hang-up wait) and tells the daemon the stream is over.
        connection.Abort();
    }

    private ShimResponse ResizeTerminal(int height, int width)
    {
        lock (_lock)
        {
            if (_initExited) return new ShimResponse { Ok = true, Pid = _initPid };
        }
        try
        {
            _stdio?.Resize(height, width);
            return new ShimResponse { Ok = true, Pid = _initPid, Running = true };
        }
        catch (Core.BerthException e)
        {
            return new ShimResponse { Ok = false, Error = e.Message };
        }
    }
}
