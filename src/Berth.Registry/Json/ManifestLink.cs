using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary>A manifest revision of a repository: the media type it was pushed with and its subject, if any.</summary>
public sealed class ManifestLink
{
    [JsonPropertyName("mediaType")] public string MediaType { get; set; } = "";
    [JsonPropertyName("subject")] public string? Subject { get; set; }
}
