using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary><c>GET /v2/_catalog</c>.</summary>
public sealed class Catalog
{
    [JsonPropertyName("repositories")] public List<string> Repositories { get; set; } = [];
}
