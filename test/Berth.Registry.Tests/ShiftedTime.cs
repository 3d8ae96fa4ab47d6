namespace Berth.Registry.Tests;

/// <summary>The system clock moved by a fixed offset (gc tests look at blobs "hours later" without waiting).</summary>
public sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
