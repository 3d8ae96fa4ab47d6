using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Berth.Registry.Json;

namespace Berth.Registry.Auth;

/// <summary>
/// Issues and checks bearer tokens: <c>base64url(claims JSON) "." base64url(HMAC-SHA256)</c> under a key drawn
/// once per process (tokens die with the server, which is fine: clients fetch a new one on the next 401).
/// </summary>
public sealed class TokenService
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    public TokenService(TimeProvider time) => _time = time;

    public string Issue(TokenClaims claims)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims, RegistryJsonContext.Default.TokenClaims));
        return payload + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)));
    }

    /// <summary>The token's claims when its signature holds and it has not expired; null otherwise.</summary>
    public TokenClaims? Validate(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        var payload = token[..dot];
        byte[] signature;
        byte[] json;
        try
        {
            signature = FromBase64Url(token[(dot + 1)..]);
            json = FromBase64Url(payload);
        }
        catch (FormatException)
        {
            return null;
        }
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return null;
        TokenClaims? claims;
        try
        {
            claims = JsonSerializer.Deserialize(json, RegistryJsonContext.Default.TokenClaims);
        }
        catch (JsonException)
        {
            return null;
        }
        if (claims is null || claims.ExpiresAt < _time.GetUtcNow().ToUnixTimeSeconds()) return null;
        return claims;
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(s);
    }
}
