using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary>What a bearer token grants: its subject, expiry (unix seconds) and scopes.</summary>
public sealed class TokenClaims
{
    [JsonPropertyName("sub")] public string Subject { get; set; } = "";
    [JsonPropertyName("exp")] public long ExpiresAt { get; set; }
    [JsonPropertyName("access")] public List<TokenAccess> Access { get; set; } = [];
}
