using Berth.Daemon.Api.Events;

namespace Berth.Daemon.Tests.Api.Events;

public sealed class EventTimeParameterTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 0, 10, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1700000000", 1_700_000_000_000_000_000L)]
    [InlineData("1700000000.5", 1_700_000_000_500_000_000L)]
    [InlineData("1700000000.000000001", 1_700_000_000_000_000_001L)]
    [InlineData("2024-01-01T00:00:00Z", 1_704_067_200_000_000_000L)]
    [InlineData("10m", 1_704_067_200_000_000_000L)]
    public void ParsesWhatClientsSend(string value, long expectedNano) =>
        Assert.Equal(expectedNano, EventTimeParameter.Parse(value, Now));

    [Fact]
    public void AbsentIsNull() => Assert.Null(EventTimeParameter.Parse(null, Now));
}
