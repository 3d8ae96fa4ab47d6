using System.Threading.Channels;

namespace Berth.Engine.Events;

/// <summary>
/// What <see cref="EventJournal.Subscribe"/> returns: the recorded events asked for and, when live, a reader of
/// the events published since. The reader completes when the subscription is disposed, the daemon shuts down,
/// or (with <see cref="EventSubscriberDroppedException"/>) when the reader fell too far behind.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Action? _unsubscribe;
    private int _disposed;

    internal EventSubscription(IReadOnlyList<EventRecord> replay, ChannelReader<EventRecord>? live, Action? unsubscribe)
    {
        Replay = replay;
        Live = live;
        _unsubscribe = unsubscribe;
    }

    /// <summary>Recorded events in the requested time range, oldest first.</summary>
    public IReadOnlyList<EventRecord> Replay { get; }

    /// <summary>Later events, or null for a replay-only subscription.</summary>
    public ChannelReader<EventRecord>? Live { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _unsubscribe?.Invoke();
    }
}
