using System.Globalization;
using Berth.Runtime.Logging;

namespace Berth.Runtime.Tests.Logging;

public sealed class LogTimestampTests
{
    [Theory]
    [InlineData("2026-11-24T12:34:56.123456789Z", "2026-11-24T12:34:56.1234567+00:00")]
    [InlineData("2026-11-24T12:34:56.1Z", "2026-11-24T12:34:56.1000000+00:00")]
    [InlineData("2026-11-24T12:34:56Z", "2026-11-24T12:34:56.0000000+00:00")]
    [InlineData("2024-02-29T23:59:59.000000001Z", "2024-02-29T23:59:59.0000000+00:00")]
    [InlineData("2026-11-24T13:34:56.5+01:00", "2026-11-24T12:34:56.5000000+00:00")]
    public void Parses_what_the_writer_and_rfc3339_produce(string text, string expected)
    {
        Assert.True(LogTimestamp.TryParse(text, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("2026-13-24T12:34:56Z")]
    [InlineData("2025-02-29T12:00:00Z")]
    [InlineData("2026-11-24T12:34:56.Z")]
    [InlineData("2026-11-24T12:34:5xZ")]
    [InlineData("not a time")]
    public void Rejects_malformed_times(string text) => Assert.False(LogTimestamp.TryParse(text, out _));

    [Fact]
    public void Round_trips_the_writers_format()
    {
        var now = new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero).AddTicks(4567);
        Assert.True(LogTimestamp.TryParse(LogTimestamp.Format(now), out var back));
        Assert.Equal(now, back);
    }
}
