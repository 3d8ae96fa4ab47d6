using System.Text;
using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// <c>X-Registry-Auth</c>: base64url-encoded JSON AuthConfig (engine-api-notes.md fact 5), padded or not. An
/// <c>auth</c> field (base64 of <c>user:password</c>) stands for username and password, as in config.json.
/// </summary>
public static class RegistryAuthHeader
{
    public const string HeaderName = "X-Registry-Auth";

    public static RegistryCredentials? Read(HttpContext context)
    {
        var header = context.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        AuthConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(DecodeBase64(header.Trim(), url: true), BerthApiJsonContext.Default.AuthConfig);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            // dockerd ignores an unreadable header and goes on anonymously; so do we.
            return null;
        }
        return config is null ? null : ToCredentials(config);
    }

    public static RegistryCredentials? ToCredentials(AuthConfig config)
    {
        var username = config.Username;
        var password = config.Password;
        if (string.IsNullOrEmpty(username) && !string.IsNullOrEmpty(config.Auth))
        {
            string decoded;
            try { decoded = Encoding.UTF8.GetString(DecodeBase64(config.Auth, url: false)); }
            catch (FormatException) { throw BerthException.Invalid("invalid auth configuration: auth is not base64"); }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) throw BerthException.Invalid("invalid auth configuration: auth is not user:password");
            username = decoded[..colon];
            password = decoded[(colon + 1)..];
        }
        if (string.IsNullOrEmpty(username) && string.IsNullOrEmpty(config.RegistryToken) && string.IsNullOrEmpty(config.IdentityToken)) return null;
        // An identity token (OAuth refresh token) is sent where the password goes: token servers that issue
        // them accept it as the Basic password of the "<token>" user.
        if (string.IsNullOrEmpty(password) && !string.IsNullOrEmpty(config.IdentityToken))
        {
            username = string.IsNullOrEmpty(username) ? "<token>" : username;
            password = config.IdentityToken;
        }
        return new RegistryCredentials(username, password, string.IsNullOrEmpty(config.RegistryToken) ? null : config.RegistryToken);
    }

    /// <summary>Base64 (or base64url when <paramref name="url"/>), padded or not.</summary>
    internal static byte[] DecodeBase64(string text, bool url)
    {
        var standard = url ? text.Replace('-', '+').Replace('_', '/') : text;
        standard = standard.TrimEnd('=');
        standard += new string('=', (4 - standard.Length % 4) % 4);
        return Convert.FromBase64String(standard);
    }
}
