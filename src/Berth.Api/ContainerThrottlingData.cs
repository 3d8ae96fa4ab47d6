using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>CFS throttling counters (swagger <c>ContainerThrottlingData</c>).</summary>
public class ContainerThrottlingData
{
    [JsonPropertyName("periods")]
    public ulong Periods { get; set; }

    [JsonPropertyName("throttled_periods")]
    public ulong ThrottledPeriods { get; set; }

    [JsonPropertyName("throttled_time")]
    public ulong ThrottledTime { get; set; }
}
