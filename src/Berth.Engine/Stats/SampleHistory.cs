namespace Berth.Engine.Stats;

/// <summary>The last two samples of one container, so a new reading has a previous one about a second old.</summary>
internal sealed class SampleHistory
{
    private readonly Lock _lock = new();
    private StatsSample? _older;
    private StatsSample? _newer;

    public bool IsEmpty
    {
        get { lock (_lock) return _newer is null; }
    }

    /// <summary>
    /// The newest sample at least <paramref name="minimumWindow"/> before <paramref name="now"/>; failing that
    /// the oldest one kept (a window shorter than wanted beats no window).
    /// </summary>
    public StatsSample? PreviousFor(DateTime now, TimeSpan minimumWindow)
    {
        lock (_lock)
        {
            if (_newer is not null && now - _newer.Read >= minimumWindow) return _newer;
            return _older ?? _newer;
        }
    }

    public void Add(StatsSample sample)
    {
        lock (_lock)
        {
            _older = _newer;
            _newer = sample;
        }
    }
}
