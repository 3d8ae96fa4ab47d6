using System.Net;
using Berth.Core;
using Berth.Engine.Images;

namespace Berth.Engine.Distribution;

/// <summary>
/// <c>docker import URL</c> (<c>POST /images/create?fromSrc=&lt;url&gt;</c>): downloads the root file system tar
/// over HTTP(S) and streams it straight into <see cref="IImageService.ImportAsync"/> (no temporary copy; the
/// import detects compression). A source without a scheme is an http URL, as dockerd takes it. The history
/// comment, without a message, is <c>Imported from &lt;source&gt;</c>.
/// </summary>
public sealed class UrlImporter : IDisposable
{
    private readonly IImageService _images;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;

    public UrlImporter(IImageService images, HttpClient? client = null)
    {
        _images = images;
        _ownsClient = client is null;
        _client = client ?? new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            UseCookies = false,
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The URL a <c>fromSrc</c> names: http(s) only; without a scheme, <c>http://</c> is assumed.</summary>
    public static Uri ParseSource(string source)
    {
        var text = source.Contains("://", StringComparison.Ordinal) ? source : "http://" + source;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            throw BerthException.Invalid($"invalid import source {source}: expected an http or https URL, or - for the request body");
        return uri;
    }

    /// <param name="progress">Called with the bytes downloaded so far and the total when the server told it.</param>
    public async Task<ImageRecord> ImportAsync(string source, string? reference, IReadOnlyList<string> changes, string? message,
        Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        var uri = ParseSource(source);
        HttpResponseMessage response;
        try
        {
            response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new BerthException($"Get \"{uri}\": {e.Message}", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new BerthException($"Get \"{uri}\": the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var total = response.Content.Headers.ContentLength;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var counted = new CountingReadStream(body, read => progress?.Invoke(read, total), 1 << 20);
            await using (counted.ConfigureAwait(false))
            {
                try
                {
                    return await _images.ImportAsync(counted, reference, changes,
                        string.IsNullOrEmpty(message) ? "Imported from " + source : message, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    throw new BerthException($"Get \"{uri}\": the download failed: {e.Message}", e);
                }
            }
        }
    }

    public void Dispose()
    {
        if (_ownsClient) _client.Dispose();
    }
}
