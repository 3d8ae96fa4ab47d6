using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>
/// Answers registries' <c>WWW-Authenticate</c> challenges (distribution token spec): Basic with the user's
/// credentials, Bearer with a token fetched from the challenge's realm (service, scopes; Basic credentials or
/// anonymous). Remembers each registry's challenge so later requests authenticate up front, and caches tokens
/// per realm, service, scopes and user until they expire.
/// </summary>
internal sealed class RegistryAuthenticator(TimeProvider time)
{
    private static readonly TimeSpan MinimumTokenLifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (AuthenticationHeaderValue Header, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The Authorization header for a request when the registry's challenge is already known, else null.</summary>
    public Task<AuthenticationHeaderValue?> HeaderForAsync(HttpClient client, RegistryEndpoint endpoint, RegistryCredentials? credentials,
        IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        _challenges.TryGetValue(endpoint.Authority, out var challenge)
            ? AnswerAsync(client, challenge, credentials, scopes, refresh: false, cancellationToken)
            : Task.FromResult<AuthenticationHeaderValue?>(null);

    /// <summary>
    /// Learns the challenges of a 401 and returns the header to retry with, or null when there is nothing
    /// better to send than <paramref name="previous"/> (no credentials for Basic, the same token again).
    /// </summary>
    public async Task<AuthenticationHeaderValue?> AnswerChallengeAsync(HttpClient client, RegistryEndpoint endpoint, RegistryCredentials? credentials,
        IReadOnlyList<string> scopes, IReadOnlyList<AuthChallenge> challenges, AuthenticationHeaderValue? previous, CancellationToken cancellationToken)
    {
        var challenge = challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
        if (challenge is null) return null;
        _challenges[endpoint.Authority] = challenge;
        var header = await AnswerAsync(client, challenge, credentials, scopes, refresh: previous is not null, cancellationToken).ConfigureAwait(false);
        if (header is null || (previous is not null && header.ToString() == previous.ToString())) return null;
        return header;
    }

    private async Task<AuthenticationHeaderValue?> AnswerAsync(HttpClient client, AuthChallenge challenge, RegistryCredentials? credentials,
        IReadOnlyList<string> scopes, bool refresh, CancellationToken cancellationToken)
    {
        if (challenge.IsBasic) return credentials is { HasPassword: true } ? BasicHeader(credentials) : null;
        if (!string.IsNullOrEmpty(credentials?.RegistryToken)) return new AuthenticationHeaderValue("Bearer", credentials.RegistryToken);
        var realm = challenge.Parameter("realm") ?? throw new BerthException(ErrorKind.Unauthorized, "unauthorized: bearer challenge without realm");
        var service = challenge.Parameter("service");
        // Per credentials too: another user (or a wrong password) never gets a token fetched for someone else.
        var key = $"{realm}\n{service}\n{string.Join(' ', scopes)}\n{credentials?.Username}\n{credentials?.Password}";
        if (!refresh && _tokens.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow()) return cached.Header;
        var (header, lifetime) = await FetchTokenAsync(client, realm, service, scopes, credentials, cancellationToken).ConfigureAwait(false);
        // Renew a little before the registry would refuse it.
        _tokens[key] = (header, time.GetUtcNow() + lifetime - TimeSpan.FromSeconds(10));
        return header;
    }

    /// <summary>GET realm?service=&amp;scope=… (token spec "Requesting a Token").</summary>
    public static async Task<(AuthenticationHeaderValue Header, TimeSpan Lifetime)> FetchTokenAsync(HttpClient client, string realm, string? service,
        IReadOnlyList<string> scopes, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (!string.IsNullOrEmpty(service)) Add("service", service);
        foreach (var scope in scopes) Add("scope", scope);
        if (!Uri.TryCreate(realm + (realm.Contains('?', StringComparison.Ordinal) && query.Length > 0 ? "&" + query.ToString(1, query.Length - 1) : query.ToString()),
                UriKind.Absolute, out var uri))
            throw new BerthException(ErrorKind.Unauthorized, $"unauthorized: invalid token realm {realm}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credentials is { HasPassword: true }) request.Headers.Authorization = BasicHeader(credentials);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new RegistryResponseException(ErrorKind.Unauthorized,
                    error.Error is null ? "unauthorized: incorrect username or password" : error.Message, error.Status, error.Error);
            throw error;
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        RegistryTokenResponse? token;
        try { token = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.RegistryTokenResponse); }
        catch (JsonException e) { throw new BerthException(ErrorKind.Unauthorized, $"unauthorized: invalid token response from {realm}: {e.Message}"); }
        var value = !string.IsNullOrEmpty(token?.Token) ? token.Token : token?.AccessToken;
        if (string.IsNullOrEmpty(value)) throw new BerthException(ErrorKind.Unauthorized, $"unauthorized: the token server {realm} returned no token");
        var lifetime = token!.ExpiresIn is > 0 ? TimeSpan.FromSeconds(token.ExpiresIn.Value) : MinimumTokenLifetime;
        return (new AuthenticationHeaderValue("Bearer", value), lifetime < MinimumTokenLifetime ? MinimumTokenLifetime : lifetime);
    }

    public static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
}
