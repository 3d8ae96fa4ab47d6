using System.Text.Json.Serialization;

namespace Berth.Registry.Json;

/// <summary>The token endpoint's answer (docker's token spec: both <c>token</c> and <c>access_token</c>).</summary>
public sealed class TokenResponse
{
    [JsonPropertyName("token")] public string Token { get; set; } = "";
    [JsonPropertyName("access_token")] public string AccessToken { get; set; } = "";
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; set; }
    [JsonPropertyName("issued_at")] public string IssuedAt { get; set; } = "";
}
