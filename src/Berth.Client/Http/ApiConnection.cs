using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Berth.Api;

namespace Berth.Client.Http;

/// <summary>
/// HTTP transport to the daemon: one <see cref="HttpClient"/> over the endpoint's socket (and a
/// <see cref="BlockingApiConnection"/> for the few calls made on the calling thread), API version negotiation
/// through <c>/_ping</c> (requests use <c>/v{min(client, daemon)}/</c>), and non-2xx answers turned into
/// <see cref="BerthApiException"/> carrying the daemon's <c>message</c>.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly Lazy<HttpClient> _http;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private BlockingApiConnection? _blocking;
    private string? _versionPrefix;

    public ApiConnection(DaemonEndpoint endpoint)
    {
        Connector = new SocketConnector(endpoint);
        // Made on first use: the blocking path (exec) never needs it, and building it is a good part of a short run.
        _http = new Lazy<HttpClient>(() => CreateHttpClient(Connector), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static HttpClient CreateHttpClient(SocketConnector connector)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => await connector.ConnectAsync(ct).ConfigureAwait(false),
            // No idle timeout: a finite one starts the pool's cleaning timer (a thread) in every short CLI run; a
            // connection the daemon closed meanwhile is noticed before reuse.
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        var http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{connector.Endpoint.Authority}/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(RequestHead.UserAgent);
        return http;
    }

    public SocketConnector Connector { get; }

    /// <summary>Requests on the calling thread (<see cref="BlockingApiConnection"/>); it shares the negotiated version.</summary>
    public BlockingApiConnection Blocking => _blocking ??= new BlockingApiConnection(Connector);

    /// <summary>The negotiated API version, after the first request.</summary>
    public string? NegotiatedVersion { get; private set; }

    /// <summary>Pings the daemon (unversioned, as clients do before they know its version).</summary>
    public async Task<PingResponse> PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, "_ping"), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return new PingResponse(
            Header(response, "API-Version"),
            Header(response, "OSType"),
            string.Equals(Header(response, "Docker-Experimental"), "true", StringComparison.OrdinalIgnoreCase),
            Header(response, "Builder-Version"));
    }

    /// <summary>The <c>/v1.NN</c> prefix to put before every path, negotiated once.</summary>
    public async ValueTask<string> VersionPrefixAsync(CancellationToken cancellationToken)
    {
        if (_versionPrefix is not null)
        {
            return _versionPrefix;
        }

        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_versionPrefix is null)
            {
                var ping = await PingAsync(cancellationToken).ConfigureAwait(false);
                return Negotiated(ping.ApiVersion);
            }
            return _versionPrefix;
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary>
    /// The path prefix for <see cref="Blocking"/> calls: the negotiated one if a request already negotiated, else
    /// none. A bare path is served at the daemon's own API version (engine-api-notes.md §1), so the blocking
    /// calls, whose bodies have kept their shape in every version a daemon serves, skip the <c>/_ping</c> round trip.
    /// </summary>
    public string BlockingPrefix => _versionPrefix ?? "";

    /// <summary>Records the version to use with a daemon that said <paramref name="daemonVersion"/>; returns its path prefix.</summary>
    private string Negotiated(string? daemonVersion)
    {
        var version = ApiVersion.TryParse(daemonVersion, out var daemon) ? ApiVersion.Min(ApiVersion.Client, daemon) : ApiVersion.Client;
        NegotiatedVersion = version.ToString();
        return _versionPrefix = "/v" + NegotiatedVersion;
    }

    /// <summary>Sends a request to a versioned path; throws <see cref="BerthApiException"/> on non-2xx.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        SendAsync(method, pathAndQuery, content, completion, null, cancellationToken);

    /// <summary>Like the other overload, with extra request headers (<c>X-Registry-Auth</c>).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, HttpCompletionOption completion,
        IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var prefix = await VersionPrefixAsync(cancellationToken).ConfigureAwait(false);
        var request = new HttpRequestMessage(method, prefix + pathAndQuery) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var response = await SendRawAsync(request, completion, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return response;
    }

    public async Task<T> GetJsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery, null, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TResponse> SendJsonAsync<TResponse>(HttpMethod method, string pathAndQuery, HttpContent? content, JsonTypeInfo<TResponse> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, pathAndQuery, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request whose answer has no body the caller needs (204 or ignorable 200).</summary>
    public async Task SendNoContentAsync(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, pathAndQuery, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and returns the answer's body (for callers that parse it themselves).</summary>
    public async Task<byte[]> SendForBytesAsync(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, pathAndQuery, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public static HttpContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo) => JsonContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>A JSON body already serialized.</summary>
    public static HttpContent JsonContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            return value ?? throw new BerthApiException(response.StatusCode, "empty response from daemon");
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.Value.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is DaemonConnectionException connection)
        {
            throw connection;
        }
    }

    /// <summary>Turns a non-2xx answer into a <see cref="BerthApiException"/> with the daemon's message.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        throw new BerthApiException(response.StatusCode, ErrorMessage(response.StatusCode, body));
    }

    /// <summary>The <c>message</c> of an error body, else the body text, else the status line.</summary>
    public static string ErrorMessage(HttpStatusCode status, byte[] body)
    {
        if (body.Length > 0)
        {
            try
            {
                var error = JsonSerializer.Deserialize(body, BerthApiJsonContext.Default.ErrorResponse);
                if (!string.IsNullOrEmpty(error?.Message))
                {
                    return error.Message;
                }
            }
            catch (JsonException)
            {
                // Not JSON: fall through to the raw text, which some proxies send.
            }

            var text = Encoding.UTF8.GetString(body).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        return $"{(int)status} {status}";
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
        _blocking?.Dispose();
        _negotiation.Dispose();
    }
}
