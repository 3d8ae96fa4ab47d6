using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Berth.Api;

namespace Berth.Client.Http;

/// <summary>
/// HTTP transport to the daemon: one <see cref="HttpClient"/> over the endpoint's socket, API version negotiation
/// through <c>/_ping</c> (requests use <c>/v{min(client, daemon)}/</c>), and non-2xx answers turned into
/// <see cref="BerthApiException"/> carrying the daemon's <c>message</c>.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private string? _versionPrefix;

    public ApiConnection(DaemonEndpoint endpoint)
    {
        Connector = new SocketConnector(endpoint);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => await Connector.ConnectAsync(ct).ConfigureAwait(false),
            // No idle timeout: a finite one starts the pool's cleaning timer (a thread) in every short CLI run; a
            // connection the daemon closed meanwhile is noticed before reuse.
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{endpoint.Authority}/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("berth-cli", "0.1"));
    }

    public SocketConnector Connector { get; }

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
                var version = ApiVersion.TryParse(ping.ApiVersion, out var daemon) ? ApiVersion.Min(ApiVersion.Client, daemon) : ApiVersion.Client;
                NegotiatedVersion = version.ToString();
                _versionPrefix = "/v" + NegotiatedVersion;
            }
            return _versionPrefix;
        }
        finally
        {
            _negotiation.Release();
        }
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
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
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
        _http.Dispose();
        _negotiation.Dispose();
    }
}
