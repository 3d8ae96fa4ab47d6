using System.Runtime.CompilerServices;
using Berth.Engine.Containers;

namespace Berth.Engine.Stats;

/// <summary>
/// <c>docker stats</c>: one container once (<see cref="GetAsync"/>), every container at once (berth's bulk
/// extension, <see cref="GetAllAsync"/>), or one container once a second until it stops (<see cref="StreamAsync"/>).
/// </summary>
public sealed class ContainerStatsService : IAsyncDisposable
{
    private readonly ContainerService _containers;
    private readonly ContainerStatsSampler _sampler;
    private readonly TimeProvider _time;

    public ContainerStatsService(ContainerService containers, TimeProvider time)
        : this(containers, new ContainerStatsSampler(ContainerStatsCollector.ForHost(time), containers.RunningTargets, time), time)
    {
    }

    public ContainerStatsService(ContainerService containers, ContainerStatsSampler sampler, TimeProvider time)
    {
        _containers = containers;
        _sampler = sampler;
        _time = time;
    }

    /// <summary>One sample with its predecessor; a container that is not running gets empty stats (Docker's zeros).</summary>
    public async Task<ContainerStats> GetAsync(string idOrName, bool oneShot, CancellationToken cancellationToken)
    {
        var record = _containers.Get(idOrName);
        if (_containers.FindRunningTarget(record.Id) is not { } target) return new ContainerStats(record.Id, record.Name, null, null);
        var (current, previous) = (await _sampler.SampleAsync([target], oneShot, cancellationToken).ConfigureAwait(false))[0];
        return new ContainerStats(record.Id, record.Name, current, previous);
    }

    /// <summary>Running containers (with <paramref name="all"/>, stopped ones too, empty), newest first.</summary>
    public async Task<IReadOnlyList<ContainerStats>> GetAllAsync(bool all, CancellationToken cancellationToken)
    {
        var records = _containers.View.All.OrderByDescending(r => r.Created).ToList();
        var targets = new List<RunningTarget>();
        foreach (var record in records)
        {
            if (_containers.FindRunningTarget(record.Id) is { } target) targets.Add(target);
        }
        var samples = await _sampler.SampleAsync(targets, oneShot: false, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<string, (StatsSample Current, StatsSample? Previous)>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++) byId[targets[i].Id] = samples[i];
        var result = new List<ContainerStats>();
        foreach (var record in records)
        {
            if (byId.TryGetValue(record.Id, out var sample))
                result.Add(new ContainerStats(record.Id, record.Name, sample.Current, sample.Previous));
            else if (all)
                result.Add(new ContainerStats(record.Id, record.Name, null, null));
        }
        return result;
    }

    /// <summary>
    /// A sample now, then one every second (each with the one before as its previous) until the container stops
    /// or the caller cancels. A container that is not running yields one empty entry and ends.
    /// </summary>
    public async IAsyncEnumerable<ContainerStats> StreamAsync(string idOrName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = await GetAsync(idOrName, oneShot: false, cancellationToken).ConfigureAwait(false);
        yield return first;
        var previous = first.Current;
        while (previous is not null)
        {
            await Task.Delay(ContainerStatsSampler.Interval, _time, cancellationToken).ConfigureAwait(false);
            if (_containers.FindRunningTarget(first.Id) is not { } target) yield break;
            var current = _sampler.SampleForStream(target);
            yield return new ContainerStats(first.Id, _containers.View.Find(first.Id)?.Name ?? first.Name, current, previous);
            previous = current;
        }
    }

    public ValueTask DisposeAsync() => _sampler.DisposeAsync();
}
