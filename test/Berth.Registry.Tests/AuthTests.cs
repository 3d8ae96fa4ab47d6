using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Berth.Registry.Auth;

namespace Berth.Registry.Tests;

/// <summary>htpasswd Basic auth and the Bearer token flow (challenge → /token → retry with the token).</summary>
public sealed class AuthTests
{
    private static Func<string, RegistryOptions> WithUsers(RegistryAuthMode mode) => root =>
    {
        // htpasswd -B writes $2y$; other tools write $2a$/$2b$: the same algorithm.
        var hash = BCrypt.Net.BCrypt.HashPassword("s3cret", 4);
        var lines = new[] { "alice:$2y$" + hash[4..], "bob:$2b$" + hash[4..] };
        return new RegistryOptions { Root = root, Auth = mode, Users = Htpasswd.Parse(lines) };
    };

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpResponseMessage> GetAsync(TestRegistry registry, string path, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        return await registry.Client.SendAsync(request);
    }

    [Fact]
    public async Task BasicAuthChallengesAndAcceptsBcryptUsers()
    {
        await using var registry = await TestRegistry.StartAsync(WithUsers(RegistryAuthMode.Basic));
        using (var anonymous = await GetAsync(registry, "/v2/", null))
        {
            await ErrorBody.AssertAsync(anonymous, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
            Assert.Equal("Basic realm=\"berth-registry\"", anonymous.Headers.WwwAuthenticate.Single().ToString());
        }
        using (var wrong = await GetAsync(registry, "/v2/", Basic("alice", "wrong")))
        {
            await ErrorBody.AssertAsync(wrong, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
            Assert.NotEmpty(wrong.Headers.WwwAuthenticate);
        }
        using (var unknown = await GetAsync(registry, "/v2/", Basic("mallory", "s3cret")))
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        foreach (var user in new[] { "alice", "bob" })
        {
            using var ok = await GetAsync(registry, "/v2/", Basic(user, "s3cret"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        registry.Client.DefaultRequestHeaders.Authorization = Basic("alice", "s3cret");
        await registry.PushImageAsync("private/app", "v1");
        using var tags = await registry.Client.GetAsync("/v2/private/app/tags/list");
        Assert.Equal(HttpStatusCode.OK, tags.StatusCode);
    }

    [Fact]
    public async Task BearerFlowIssuesScopedTokens()
    {
        await using var registry = await TestRegistry.StartAsync(WithUsers(RegistryAuthMode.Token));
        using (var anonymous = await GetAsync(registry, "/v2/app/tags/list", null))
        {
            await ErrorBody.AssertAsync(anonymous, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
            var challenge = anonymous.Headers.WwwAuthenticate.Single().ToString();
            Assert.Equal($"Bearer realm=\"{registry.Address}/token\",service=\"berth-registry\",scope=\"repository:app:pull\"", challenge);
        }
        using (var refused = await GetAsync(registry, "/token?service=berth-registry&scope=repository:app:pull,push", Basic("alice", "nope")))
            await ErrorBody.AssertAsync(refused, HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        using var tokenResponse = await GetAsync(registry, "/token?service=berth-registry&scope=repository:app:pull,push", Basic("alice", "s3cret"));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        using var body = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        Assert.Equal(token, body.RootElement.GetProperty("access_token").GetString());
        Assert.True(body.RootElement.GetProperty("expires_in").GetInt32() > 0);

        registry.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await registry.PushImageAsync("app", "v1");
        using (var tags = await registry.Client.GetAsync("/v2/app/tags/list"))
            Assert.Equal(HttpStatusCode.OK, tags.StatusCode);

        // The token grants app only: another repository and the catalog answer with a challenge for what is missing.
        using (var other = await registry.Client.GetAsync("/v2/other/tags/list"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
            Assert.Contains("scope=\"repository:other:pull\",error=\"insufficient_scope\"", other.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        }
        using (var catalog = await registry.Client.GetAsync("/v2/_catalog"))
            Assert.Equal(HttpStatusCode.Unauthorized, catalog.StatusCode);

        // A token that was tampered with is worthless.
        registry.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^2] + (token[^2] == 'A' ? "BB" : "AA"));
        using (var forged = await registry.Client.GetAsync("/v2/app/tags/list"))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task OAuthFormPostAlsoIssuesTokens()
    {
        await using var registry = await TestRegistry.StartAsync(WithUsers(RegistryAuthMode.Token));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "bob", ["password"] = "s3cret", ["service"] = "berth-registry", ["scope"] = "registry:catalog:*",
        });
        using var response = await registry.Client.PostAsync("/token", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        registry.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        using var catalog = await registry.Client.GetAsync("/v2/_catalog");
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
    }
}
