using System.Text.Json.Serialization;

namespace Berth.Engine.Distribution;

/// <summary><c>GET /v2/_catalog</c>'s body.</summary>
public sealed class RegistryCatalog
{
    [JsonPropertyName("repositories")] public List<string>? Repositories { get; set; }
}
