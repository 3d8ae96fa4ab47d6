using System.Collections.Concurrent;

namespace Berth.Engine.Stats;

/// <summary>
/// Keeps recent samples per container so a one-off stats request answers at once with a previous sample about a
/// second old (Docker instead waits for its next 1 s collection tick). While anyone has asked for stats in the
/// last minute, a background loop samples every running container once a second; after that it stops, so an idle
/// daemon reads no cgroup files. A container never sampled before gets two readings
/// <see cref="ColdWindow"/> apart (unless one-shot), so its first CPU % is meaningful too.
/// </summary>
public sealed class ContainerStatsSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ColdWindow = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepSamplingFor = TimeSpan.FromSeconds(60);

    private readonly ContainerStatsCollector _collector;
    private readonly Func<IReadOnlyList<RunningTarget>> _running;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SampleHistory> _history = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _loopLock = new();
    private Task? _loop;
    private DateTimeOffset _lastRequest;

    /// <param name="running">The containers running right now (for the background loop).</param>
    public ContainerStatsSampler(ContainerStatsCollector collector, Func<IReadOnlyList<RunningTarget>> running, TimeProvider time)
    {
        _collector = collector;
        _running = running;
        _time = time;
    }

    /// <summary>A fresh sample of each target, each with the previous sample kept for it (null for one-shot cold ones).</summary>
    public async Task<IReadOnlyList<(StatsSample Current, StatsSample? Previous)>> SampleAsync(
        IReadOnlyList<RunningTarget> targets, bool oneShot, CancellationToken cancellationToken)
    {
        KeepAlive();
        if (!oneShot)
        {
            var cold = targets.Where(t => History(t.Id).IsEmpty).ToList();
            if (cold.Count > 0)
            {
                foreach (var target in cold) History(target.Id).Add(_collector.Read(target.Id, target.InitPid));
                await Task.Delay(ColdWindow, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        var results = new List<(StatsSample, StatsSample?)>(targets.Count);
        foreach (var target in targets)
        {
            var current = _collector.Read(target.Id, target.InitPid);
            var history = History(target.Id);
            results.Add((current, history.PreviousFor(current.Read, MinimumWindow)));
            history.Add(current);
        }
        return results;
    }

    /// <summary>A fresh sample for a stream, which keeps its own previous sample; it also feeds the history.</summary>
    public StatsSample SampleForStream(RunningTarget target)
    {
        KeepAlive();
        var sample = _collector.Read(target.Id, target.InitPid);
        History(target.Id).Add(sample);
        return sample;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task? loop;
        lock (_loopLock) loop = _loop;
        if (loop is not null)
        {
            try { await loop.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }

    private SampleHistory History(string id) => _history.GetOrAdd(id, _ => new SampleHistory());

    private void KeepAlive()
    {
        lock (_loopLock)
        {
            _lastRequest = _time.GetUtcNow();
            if (_loop is null && !_stop.IsCancellationRequested) _loop = Task.Run(() => LoopAsync(_stop.Token));
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var idle = false;
        try
        {
            while (true)
            {
                await Task.Delay(Interval, _time, cancellationToken).ConfigureAwait(false);
                lock (_loopLock)
                {
                    if (_time.GetUtcNow() - _lastRequest > KeepSamplingFor)
                    {
                        _history.Clear();
                        _loop = null;
                        idle = true;
                        return;
                    }
                }
                SampleRunning();
            }
        }
        finally
        {
            // Whatever ended the loop (idle, shutdown, a failure), the next request starts a new one.
            if (!idle)
            {
                lock (_loopLock) _loop = null;
            }
        }
    }

    private void SampleRunning()
    {
        var running = _running();
        var ids = running.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _history.Keys.Where(id => !ids.Contains(id)).ToList()) _history.TryRemove(id, out _);
        foreach (var target in running) History(target.Id).Add(_collector.Read(target.Id, target.InitPid));
    }
}
