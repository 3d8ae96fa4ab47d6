using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>One device's counter (swagger <c>ContainerBlkioStatEntry</c>).</summary>
public class ContainerBlkioStatEntry
{
    [JsonPropertyName("major")]
    public ulong Major { get; set; }

    [JsonPropertyName("minor")]
    public ulong Minor { get; set; }

    [JsonPropertyName("op")]
    public string? Op { get; set; }

    [JsonPropertyName("value")]
    public ulong Value { get; set; }
}
