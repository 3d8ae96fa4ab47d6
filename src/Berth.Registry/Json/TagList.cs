using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary><c>GET /v2/&lt;name&gt;/tags/list</c>.</summary>
public sealed class TagList
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("tags")] public List<string> Tags { get; set; } = [];
}
