namespace Berth.Runtime.Shim;

/// <summary>One attacher's queue in an <see cref="OutputFanout"/>, drained by that attach's sender thread.</summary>
public sealed class FanoutSubscriber
{
    private readonly OutputFanout _fanout;
    private readonly Queue<(byte Kind, byte[] Payload)> _queue = new();
    private int _queuedBytes;
    private bool _ended;

    internal FanoutSubscriber(OutputFanout fanout) => _fanout = fanout;

    /// <summary>True when it was dropped for falling behind.</summary>
    public bool Dropped { get; private set; }

    /// <summary>
    /// The next chunk, blocking until one is queued; false when the stream ended for this subscriber (output
    /// complete and queue drained, dropped, or closed). A dropped subscriber loses what was still queued.
    /// </summary>
    public bool TryTake(out byte kind, out byte[] payload)
    {
        lock (_fanout.Lock)
        {
            while (true)
            {
                if (!Dropped && _queue.TryDequeue(out var frame))
                {
                    _queuedBytes -= frame.Payload.Length;
                    (kind, payload) = frame;
                    return true;
                }
                if (_ended)
                {
                    (kind, payload) = (0, []);
                    return false;
                }
                Monitor.Wait(_fanout.Lock);
            }
        }
    }

    /// <summary>Unsubscribes (the attach is over); a sender blocked in <see cref="TryTake"/> returns false.</summary>
    public void Close()
    {
        _fanout.Remove(this);
        lock (_fanout.Lock) _queue.Clear();
    }

    internal bool EnqueueLocked(byte kind, byte[] payload, int limitBytes)
    {
        if (_ended) return true;
        if (_queuedBytes + payload.Length > limitBytes) return false;
        _queue.Enqueue((kind, payload));
        _queuedBytes += payload.Length;
        return true;
    }

    internal void EndLocked(bool dropped = false)
    {
        _ended = true;
        if (dropped) Dropped = true;
    }
}
