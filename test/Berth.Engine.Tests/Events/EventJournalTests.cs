using Berth.Engine.Events;
using Berth.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Events;

public sealed class EventJournalTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TestDirectory _dir = new("berth-events");
    private readonly ManualClock _clock = new(Start);

    public void Dispose() => _dir.Dispose();

    private EventJournal Open(int capacity = EventJournal.DefaultCapacity) =>
        EventJournal.Open(_dir.Path, _clock, NullLogger<EventJournal>.Instance, capacity);

    private string JournalFile => Path.Combine(_dir.Path, EventJournal.FileName);

    private static EventRecord Publish(EventJournal journal, string action, string id = "c1", string name = "web") =>
        journal.Publish(EventTypes.Container, action, id, new Dictionary<string, string> { ["name"] = name, ["image"] = "busybox" });

    [Fact]
    public void PublishStampsTheClockAndNeverGoesBack()
    {
        using var journal = Open();
        var first = Publish(journal, "create");
        Assert.Equal(EventRecord.ToUnixNano(Start), first.TimeNano);
        Assert.Equal(Start.ToUnixTimeSeconds(), first.Time);
        Assert.Equal("local", first.Scope);
        _clock.Advance(TimeSpan.FromSeconds(-5)); // the wall clock steps back
        var second = Publish(journal, "start");
        Assert.True(second.TimeNano >= first.TimeNano);
        Assert.Equal(["create", "start"], journal.Snapshot().Select(e => e.Action));
    }

    [Fact]
    public void KeepsOnlyTheNewestCapacityEvents()
    {
        using var journal = Open(capacity: 3);
        foreach (var action in new[] { "a", "b", "c", "d", "e" })
        {
            Publish(journal, action);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(["c", "d", "e"], journal.Snapshot().Select(e => e.Action));
    }

    [Fact]
    public void EventsSurviveReopening()
    {
        using (var journal = Open())
        {
            Publish(journal, "create");
            _clock.Advance(TimeSpan.FromSeconds(1));
            Publish(journal, "start");
        }
        _clock.Now = Start; // even a clock behind the journal does not reorder
        using var reopened = Open();
        var events = reopened.Snapshot();
        Assert.Equal(["create", "start"], events.Select(e => e.Action));
        Assert.Equal("web", events[1].Attributes["name"]);
        Assert.True(Publish(reopened, "die").TimeNano >= events[1].TimeNano);
        reopened.Dispose();
        using var again = Open();
        Assert.Equal(["create", "start", "die"], again.Snapshot().Select(e => e.Action));
    }

    [Fact]
    public void PublishingAfterDisposeNeitherThrowsNorWrites()
    {
        var journal = Open();
        Publish(journal, "create");
        journal.Dispose();
        Publish(journal, "late"); // a container exit recorded while the daemon shuts down
        using var reopened = Open();
        Assert.Equal(["create"], reopened.Snapshot().Select(e => e.Action));
    }

    [Fact]
    public void TheFileIsCompactedToTheBound()
    {
        using (var journal = Open(capacity: 4))
        {
            for (var i = 0; i < 50; i++)
            {
                Publish(journal, $"a{i}");
                _clock.Advance(TimeSpan.FromMilliseconds(1));
                Assert.True(File.ReadAllLines(JournalFile).Length <= 8, "the file never holds more than twice the capacity");
            }
        }
        using var reopened = Open(capacity: 4);
        Assert.Equal(["a46", "a47", "a48", "a49"], reopened.Snapshot().Select(e => e.Action));
    }

    [Fact]
    public void ATornLastLineIsDroppedAndTheFileRewrittenClean()
    {
        using (var journal = Open()) Publish(journal, "create");
        File.AppendAllText(JournalFile, "{\"type\":\"container\",\"act");
        using (var journal = Open())
        {
            Assert.Equal(["create"], journal.Snapshot().Select(e => e.Action));
            Publish(journal, "start");
        }
        Assert.All(File.ReadAllLines(JournalFile), line => Assert.StartsWith("{", line));
        using var reopened = Open();
        Assert.Equal(["create", "start"], reopened.Snapshot().Select(e => e.Action));
    }

    [Fact]
    public void ReplayHonoursSinceUntilAndFilter()
    {
        using var journal = Open();
        var a = Publish(journal, "create", "c1", "one");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var b = Publish(journal, "start", "c1", "one");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Publish(journal, "create", "c2", "two");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var d = Publish(journal, "die", "c1", "one");

        using (var all = journal.Subscribe(0, long.MaxValue, EventFilter.None, live: false))
            Assert.Equal(4, all.Replay.Count);
        using (var range = journal.Subscribe(b.TimeNano, d.TimeNano - 1, EventFilter.None, live: false))
            Assert.Equal(["start", "create"], range.Replay.Select(e => e.Action));
        using (var inclusive = journal.Subscribe(a.TimeNano, b.TimeNano, EventFilter.None, live: false))
            Assert.Equal(["create", "start"], inclusive.Replay.Select(e => e.Action));
        var onlyOne = new EventFilter(new Dictionary<string, IReadOnlyList<string>> { ["container"] = ["one"] });
        using (var filtered = journal.Subscribe(0, long.MaxValue, onlyOne, live: false))
            Assert.Equal(["create", "start", "die"], filtered.Replay.Select(e => e.Action));
    }

    [Fact]
    public async Task LiveSubscribersGetNewMatchingEventsOnly()
    {
        using var journal = Open();
        Publish(journal, "create");
        var dies = new EventFilter(new Dictionary<string, IReadOnlyList<string>> { ["event"] = ["die"] });
        using var subscription = journal.Subscribe(long.MaxValue, long.MaxValue, dies, live: true);
        Assert.Empty(subscription.Replay);
        Publish(journal, "start");
        Publish(journal, "die");
        var received = await subscription.Live!.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("die", received.Action);
        Assert.False(subscription.Live.TryRead(out _));
    }

    [Fact]
    public async Task ASlowSubscriberIsDroppedWithoutBlockingThePublisher()
    {
        using var journal = Open();
        using var slow = journal.Subscribe(long.MaxValue, long.MaxValue, EventFilter.None, live: true);
        for (var i = 0; i <= EventJournal.SubscriberQueueLength; i++) Publish(journal, "start");
        var drained = 0;
        await Assert.ThrowsAsync<EventSubscriberDroppedException>(async () =>
        {
            await foreach (var _ in slow.Live!.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token))
                drained++;
        });
        Assert.Equal(EventJournal.SubscriberQueueLength, drained);

        using var fresh = journal.Subscribe(long.MaxValue, long.MaxValue, EventFilter.None, live: true);
        Publish(journal, "stop");
        Assert.True(fresh.Live!.TryRead(out var ev) && ev.Action == "stop");
    }

    [Fact]
    public async Task DisposingOrCompletingEndsTheLiveStream()
    {
        using var journal = Open();
        var disposed = journal.Subscribe(long.MaxValue, long.MaxValue, EventFilter.None, live: true);
        disposed.Dispose();
        await disposed.Live!.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Publish(journal, "start"); // nobody left to deliver to

        using var open = journal.Subscribe(long.MaxValue, long.MaxValue, EventFilter.None, live: true);
        journal.CompleteSubscribers();
        await open.Live!.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
