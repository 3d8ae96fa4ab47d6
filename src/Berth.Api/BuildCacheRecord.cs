using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>One build cache entry in <c>GET /system/df</c> (swagger "BuildCache").</summary>
public class BuildCacheRecord
{
    [JsonPropertyName("ID")]
    public string Id { get; set; } = "";

    [JsonPropertyName("Type")]
    public string Type { get; set; } = "regular";

    [JsonPropertyName("Description")]
    public string Description { get; set; } = "";

    [JsonPropertyName("InUse")]
    public bool InUse { get; set; }

    [JsonPropertyName("Shared")]
    public bool Shared { get; set; }

    [JsonPropertyName("Size")]
    public long Size { get; set; }

    [JsonPropertyName("CreatedAt")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("LastUsedAt")]
    public DateTimeOffset? LastUsedAt { get; set; }

    [JsonPropertyName("UsageCount")]
    public long UsageCount { get; set; }
}
