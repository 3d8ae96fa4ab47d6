using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Events;

/// <summary>
/// The daemon's event log: a bounded, persistent journal plus a broadcast to live subscribers.
/// The newest <see cref="Capacity"/> events stay in memory (dockerd keeps 256) and in
/// <c>&lt;data-root&gt;/events/journal.jsonl</c>, one JSON object per line, so <c>events --since</c> works across
/// daemon restarts. The file is appended to and, once it holds twice the capacity, rewritten with only the newest
/// events through <c>AtomicFile</c>. Publishing never waits for a subscriber: each has a bounded queue, and one
/// that falls <see cref="SubscriberQueueLength"/> events behind is dropped (its stream ends).
/// </summary>
public sealed partial class EventJournal : IEventPublisher, IDisposable
{
    public const int DefaultCapacity = 4096;
    public const int SubscriberQueueLength = 1024;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventRecord[] _ring;
    private readonly List<Subscriber> _subscribers = [];
    private int _start;
    private int _count;
    private long _lastTimeNano;

    public int Capacity => _ring.Length;

    /// <summary>The events in memory, oldest first (a copy).</summary>
    public IReadOnlyList<EventRecord> Snapshot()
    {
        lock (_gate) return Range(0, long.MaxValue, EventFilter.None);
    }

    public EventRecord Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string> attributes)
    {
        var copy = new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        lock (_gate)
        {
            // Never decreasing, so since/until and replay order agree even if the clock steps back.
            var now = Math.Max(EventRecord.ToUnixNano(_time.GetUtcNow()), _lastTimeNano);
            _lastTimeNano = now;
            var ev = new EventRecord(type, action, actorId, copy, EventRecord.LocalScope, now);
            Add(ev);
            Append(ev);
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                var subscriber = _subscribers[i];
                if (!subscriber.Filter.Matches(ev)) continue;
                if (subscriber.Queue.Writer.TryWrite(ev)) continue;
                _subscribers.RemoveAt(i);
                subscriber.Queue.Writer.TryComplete(new EventSubscriberDroppedException());
                LogSubscriberDropped(_logger, SubscriberQueueLength);
            }
            return ev;
        }
    }

    /// <summary>
    /// Events between <paramref name="sinceNano"/> and <paramref name="untilNano"/> (inclusive, Unix ns) that pass
    /// <paramref name="filter"/>, oldest first; with <paramref name="live"/> also every later matching event, with
    /// no gap or duplicate between the two. Dispose the subscription to stop receiving.
    /// </summary>
    public EventSubscription Subscribe(long sinceNano, long untilNano, EventFilter filter, bool live)
    {
        lock (_gate)
        {
            var replay = Range(sinceNano, untilNano, filter);
            if (!live) return new EventSubscription(replay, null, null);
            var subscriber = new Subscriber(filter, Channel.CreateBounded<EventRecord>(new BoundedChannelOptions(SubscriberQueueLength)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: the publisher drops the subscriber
            }));
            _subscribers.Add(subscriber);
            return new EventSubscription(replay, subscriber.Queue.Reader, () => Unsubscribe(subscriber));
        }
    }

    /// <summary>Ends every live subscription (daemon shutdown), so open <c>/events</c> streams finish.</summary>
    public void CompleteSubscribers()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers) subscriber.Queue.Writer.TryComplete();
            _subscribers.Clear();
        }
    }

    private void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
            subscriber.Queue.Writer.TryComplete();
        }
    }

    private void Add(EventRecord ev)
    {
        if (_count < _ring.Length)
        {
            _ring[(_start + _count) % _ring.Length] = ev;
            _count++;
        }
        else
        {
            _ring[_start] = ev;
            _start = (_start + 1) % _ring.Length;
        }
    }

    private List<EventRecord> Range(long sinceNano, long untilNano, EventFilter filter)
    {
        var result = new List<EventRecord>();
        for (var i = 0; i < _count; i++)
        {
            var ev = _ring[(_start + i) % _ring.Length];
            if (ev.TimeNano < sinceNano || ev.TimeNano > untilNano) continue;
            if (filter.Matches(ev)) result.Add(ev);
        }
        return result;
    }

    private sealed record Subscriber(EventFilter Filter, Channel<EventRecord> Queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an event subscriber that fell {Count} events behind")]
    private static partial void LogSubscriberDropped(ILogger logger, int count);
}
