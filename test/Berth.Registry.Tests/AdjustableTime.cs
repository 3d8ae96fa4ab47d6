namespace Berth.Registry.Tests;

/// <summary>The system clock plus an offset a test moves forward while a server runs.</summary>
public sealed class AdjustableTime : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
