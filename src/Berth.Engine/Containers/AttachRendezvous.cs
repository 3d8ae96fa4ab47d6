namespace Berth.Engine.Containers;

/// <summary>
/// Attaches made while a container is not running (<c>docker run</c> attaches before it starts): each registers
/// here, the start tells the shim how many to wait for before it reads output (so none of it is missed) and then
/// releases them to connect to the shim.
/// </summary>
public sealed class AttachRendezvous
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _entries = [];

    /// <summary>Registers an attach waiting for <paramref name="id"/> to start; dispose it when the attach ends.</summary>
    public Registration Register(string id)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var entry)) _entries[id] = entry = new Entry();
            entry.Count++;
            return new Registration(this, id, entry);
        }
    }

    /// <summary>Attaches waiting for the container's start now.</summary>
    public int Pending(string id)
    {
        lock (_lock) return _entries.TryGetValue(id, out var entry) ? entry.Count : 0;
    }

    /// <summary>The container runs: every waiting attach may connect to its shim.</summary>
    public void SignalStarted(string id)
    {
        Entry? entry;
        lock (_lock)
        {
            if (!_entries.Remove(id, out entry)) return;
        }
        entry.Started.TrySetResult();
    }

    private void Release(string id, Entry entry)
    {
        lock (_lock)
        {
            if (entry.Started.Task.IsCompleted || !_entries.TryGetValue(id, out var current) || current != entry) return;
            if (--entry.Count <= 0) _entries.Remove(id);
        }
    }

    internal sealed class Entry
    {
        public int Count;
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One waiting attach: <see cref="Started"/> completes at the container's next start.</summary>
    public sealed class Registration : IDisposable
    {
        private readonly AttachRendezvous _owner;
        private readonly string _id;
        private readonly Entry _entry;
        private int _disposed;

        internal Registration(AttachRendezvous owner, string id, Entry entry)
        {
            _owner = owner;
            _id = id;
            _entry = entry;
        }

        public Task Started => _entry.Started.Task;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _owner.Release(_id, _entry);
        }
    }
}
