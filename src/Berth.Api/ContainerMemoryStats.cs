using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Memory statistics (swagger <c>ContainerMemoryStats</c>); <c>stats</c> holds memory.stat's counters by name.</summary>
public class ContainerMemoryStats
{
    [JsonPropertyName("usage")]
    public ulong? Usage { get; set; }

    /// <summary>cgroup v1 only.</summary>
    [JsonPropertyName("max_usage")]
    public ulong? MaxUsage { get; set; }

    [JsonPropertyName("stats")]
    public Dictionary<string, ulong>? Stats { get; set; }

    /// <summary>cgroup v1 only.</summary>
    [JsonPropertyName("failcnt")]
    public ulong? Failcnt { get; set; }

    [JsonPropertyName("limit")]
    public ulong? Limit { get; set; }
}
