using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>One result of <c>GET /images/search</c>.</summary>
public class ImageSearchResponseItem
{
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("is_official")]
    public bool IsOfficial { get; set; }

    [JsonPropertyName("is_automated")]
    public bool IsAutomated { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("star_count")]
    public int StarCount { get; set; }
}
