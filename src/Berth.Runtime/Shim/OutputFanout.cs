namespace Berth.Runtime.Shim;

/// <summary>
/// berth-shim's live copy of a container's output to its attachers: every chunk the output pumps read is queued
/// for each subscriber (one sender thread per attach drains its queue to the daemon). A subscriber whose queue
/// passes <c>limitBytes</c> is dropped, so a slow or vanished attacher never blocks the container or the log.
/// <see cref="WaitForAttachers"/> lets the pumps hold their first read until the attachers the daemon announced
/// at start (clients that attached before start, as <c>docker run</c> does) have subscribed, bounded by a deadline.
/// </summary>
public sealed class OutputFanout
{
    private readonly object _lock = new();
    private readonly List<FanoutSubscriber> _subscribers = [];
    private readonly int _limitBytes;
    private readonly long _attachDeadline;
    private int _expectedAttachers;
    private bool _completed;

    /// <param name="expectedAttachers">Subscriptions to wait for before output is read (0: none).</param>
    /// <param name="attachWait">How long the pumps wait for them at most, from now.</param>
    /// <param name="limitBytes">Queued bytes after which a subscriber is dropped.</param>
    public OutputFanout(int expectedAttachers, TimeSpan attachWait, int limitBytes)
    {
        _expectedAttachers = expectedAttachers;
        _attachDeadline = Environment.TickCount64 + (long)attachWait.TotalMilliseconds;
        _limitBytes = limitBytes;
    }

    /// <summary>Subscribers now (attaches in progress).</summary>
    public int Count
    {
        get { lock (_lock) return _subscribers.Count; }
    }

    /// <summary>Adds a subscriber; it sees every chunk published from now on. Counts toward the expected attachers.</summary>
    public FanoutSubscriber Subscribe()
    {
        var subscriber = new FanoutSubscriber(this);
        lock (_lock)
        {
            if (_completed) subscriber.EndLocked();
            else _subscribers.Add(subscriber);
            if (_expectedAttachers > 0) _expectedAttachers--;
            Monitor.PulseAll(_lock);
        }
        return subscriber;
    }

    /// <summary>Blocks until the expected attachers subscribed or the deadline passed.</summary>
    public void WaitForAttachers()
    {
        lock (_lock)
        {
            while (_expectedAttachers > 0)
            {
                var left = _attachDeadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_lock, (int)Math.Min(left, int.MaxValue)))
                {
                    _expectedAttachers = 0;
                    return;
                }
            }
        }
    }

    /// <summary>Queues a copy of <paramref name="data"/> for every subscriber; drops those that fell too far behind.</summary>
    public void Publish(byte kind, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return;
        lock (_lock)
        {
            if (_subscribers.Count == 0) return;
            var copy = data.ToArray();
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                var subscriber = _subscribers[i];
                if (!subscriber.EnqueueLocked(kind, copy, _limitBytes))
                {
                    _subscribers.RemoveAt(i);
                    subscriber.EndLocked(dropped: true);
                }
            }
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The output ended: subscribers get what is queued, then the end; later subscribers end at once.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            _expectedAttachers = 0;
            foreach (var subscriber in _subscribers) subscriber.EndLocked();
            _subscribers.Clear();
            Monitor.PulseAll(_lock);
        }
    }

    internal object Lock => _lock;

    internal void Remove(FanoutSubscriber subscriber)
    {
        lock (_lock)
        {
            _subscribers.Remove(subscriber);
            subscriber.EndLocked();
            Monitor.PulseAll(_lock);
        }
    }
}
