namespace Berth.Engine.Exec;

/// <summary>
/// One exec instance, kept in memory only (dockerd forgets execs when it restarts too). The status changes
/// atomically; readers take <see cref="Status"/> without a lock.
/// </summary>
public sealed class ExecRecord(string id, string containerId, ExecOptions options, DateTimeOffset created)
{
    private ExecStatus _status = ExecStatus.Created;

    public string Id { get; } = id;
    public string ContainerId { get; } = containerId;
    public ExecOptions Options { get; } = options;
    public DateTimeOffset Created { get; } = created;

    public ExecStatus Status => Volatile.Read(ref _status);

    /// <summary>Applies a transition when <paramref name="allowed"/> holds for the current status; false otherwise.</summary>
    internal bool TryUpdate(Func<ExecStatus, bool> allowed, Func<ExecStatus, ExecStatus> update)
    {
        while (true)
        {
            var current = Status;
            if (!allowed(current)) return false;
            if (Interlocked.CompareExchange(ref _status, update(current), current) == current) return true;
        }
    }

    internal void Update(Func<ExecStatus, ExecStatus> update) => TryUpdate(_ => true, update);
}
