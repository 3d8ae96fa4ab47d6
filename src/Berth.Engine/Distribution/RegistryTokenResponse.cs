using System.Text.Json.Serialization;

namespace Berth.Engine.Distribution;

/// <summary>A token server's answer (distribution token spec): <c>token</c> or <c>access_token</c>, lifetime in seconds.</summary>
public sealed class RegistryTokenResponse
{
    [JsonPropertyName("token")] public string? Token { get; set; }
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; set; }
}
