using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>
/// <see cref="IRegistryClient"/> over HttpClient (SocketsHttpHandler: pooled connections, no automatic
/// decompression, large buffers). Two clients: one verifying TLS, one for insecure registries.
/// </summary>
public sealed partial class RegistryClient : IRegistryClient, IDisposable
{
    /// <summary>Copy buffer for blob transfer: large enough that loopback transfer is not call-bound.</summary>
    public const int BufferSize = 1 << 20;

    private readonly HttpClient _secure;
    private readonly HttpClient _insecure;
    private readonly RegistryAuthenticator _auth;

    public RegistryClient(TimeProvider time, HttpMessageHandler? handler = null)
    {
        _auth = new RegistryAuthenticator(time);
        if (handler is not null)
        {
            _secure = _insecure = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            return;
        }
        _secure = new HttpClient(CreateHandler(skipTlsVerify: false)) { Timeout = Timeout.InfiniteTimeSpan };
        _insecure = new HttpClient(CreateHandler(skipTlsVerify: true)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static SocketsHttpHandler CreateHandler(bool skipTlsVerify)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            MaxConnectionsPerServer = 64,
            ResponseDrainTimeout = TimeSpan.FromSeconds(5),
            UseCookies = false,
        };
        // insecure-registries: dockerd does not verify these registries' certificates either.
#pragma warning disable CA5359
        if (skipTlsVerify) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        return handler;
    }

    public void Dispose()
    {
        _secure.Dispose();
        if (!ReferenceEquals(_secure, _insecure)) _insecure.Dispose();
    }

    private HttpClient ClientFor(RegistryEndpoint endpoint) => endpoint.SkipTlsVerify ? _insecure : _secure;

    /// <summary>
    /// Sends a request built by <paramref name="build"/> (called again for a retry), authenticating up front when
    /// the registry's challenge is known and answering a 401 challenge once.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(RegistryEndpoint endpoint, RegistryCredentials? credentials, IReadOnlyList<string> scopes,
        Func<HttpRequestMessage> build, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var client = ClientFor(endpoint);
        var header = await _auth.HeaderForAsync(client, endpoint, credentials, scopes, cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(client, build, header, completion, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        var challenges = Challenges(response);
        if (challenges.Count == 0) return response;
        var retry = await _auth.AnswerChallengeAsync(client, endpoint, credentials, scopes, challenges, header, cancellationToken).ConfigureAwait(false);
        if (retry is null) return response;
        response.Dispose();
        return await SendOnceAsync(client, build, retry, completion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpResponseMessage> SendOnceAsync(HttpClient client, Func<HttpRequestMessage> build, AuthenticationHeaderValue? header,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var request = build();
        if (header is not null) request.Headers.Authorization = header;
        try
        {
            return await client.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(request.RequestUri, e);
        }
    }

    internal static BerthException Unreachable(Uri? uri, Exception e) =>
        new(ErrorKind.Unavailable, $"Get \"{uri}\": {e.Message}", e);

    private static List<AuthChallenge> Challenges(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values)
            ? AuthChallenge.ParseAll(values).ToList()
            : [];

    public async Task<bool> ProbeAsync(RegistryEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.Resolve("v2/"));
            using var response = await ClientFor(endpoint).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task CheckCredentialsAsync(RegistryEndpoint endpoint, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var client = ClientFor(endpoint);
        var uri = endpoint.Resolve("v2/");
        using var first = await SendOnceAsync(client, () => new HttpRequestMessage(HttpMethod.Get, uri), null, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (first.IsSuccessStatusCode) return;
        if (first.StatusCode != HttpStatusCode.Unauthorized) throw await RegistryErrors.FromResponseAsync(first, cancellationToken).ConfigureAwait(false);
        var challenges = Challenges(first);
        var bearer = challenges.FirstOrDefault(c => c.IsBearer);
        if (bearer is not null && string.IsNullOrEmpty(credentials?.RegistryToken))
        {
            // Login against a token server: the token server checks the credentials (no scope needed).
            if (credentials is not { HasPassword: true }) throw new BerthException(ErrorKind.Unauthorized, "unauthorized: authentication required");
            await RegistryAuthenticator.FetchTokenAsync(client, bearer.Parameter("realm") ?? "", bearer.Parameter("service"), [], credentials, cancellationToken).ConfigureAwait(false);
            return;
        }
        var header = await _auth.AnswerChallengeAsync(client, endpoint, credentials, [], challenges, null, cancellationToken).ConfigureAwait(false);
        if (header is null) throw new BerthException(ErrorKind.Unauthorized, "unauthorized: authentication required");
        using var second = await SendOnceAsync(client, () => new HttpRequestMessage(HttpMethod.Get, uri), header, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (second.IsSuccessStatusCode) return;
        throw await RegistryErrors.FromResponseAsync(second, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> CatalogAsync(RegistryEndpoint endpoint, RegistryCredentials? credentials, int max, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var uri = endpoint.Resolve("v2/_catalog?n=1000");
        for (var page = 0; page < 100 && names.Count < max; page++)
        {
            var pageUri = uri;
            using var response = await SendAsync(endpoint, credentials, ["registry:catalog:*"], () => new HttpRequestMessage(HttpMethod.Get, pageUri),
                HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                names.AddRange(JsonSerializer.Deserialize(bytes, RegistryJsonContext.Default.RegistryCatalog)?.Repositories ?? []);
            }
            catch (JsonException e)
            {
                throw new BerthException($"invalid catalog from {endpoint.BaseUri}: {e.Message}");
            }
            if (NextLink(response, pageUri) is not { } next) break;
            uri = next;
        }
        return names.Count > max ? names[..max] : names;
    }

    /// <summary>The <c>Link: &lt;…&gt;; rel="next"</c> target, resolved against the request URL.</summary>
    private static Uri? NextLink(HttpResponseMessage response, Uri requestUri)
    {
        if (!response.Headers.NonValidated.TryGetValues("Link", out var links)) return null;
        foreach (var link in links)
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open || !link.Contains("rel=\"next\"", StringComparison.Ordinal)) continue;
            return new Uri(requestUri, link[(open + 1)..close]);
        }
        return null;
    }
}
