using System.Net;
using System.Net.Http.Headers;
using Berth.Core;

namespace Berth.Engine.Distribution;

public sealed partial class RegistryClient
{
    /// <summary>Blobs up to this size go up in one PUT; bigger ones in PATCH chunks of <see cref="ChunkSize"/>.</summary>
    public const long MonolithicUploadLimit = 16L << 20;

    public const long ChunkSize = 128L << 20;

    public async Task<RegistryBlob> OpenBlobAsync(RegistryRepository repository, Digest digest, long offset, CancellationToken cancellationToken)
    {
        var uri = repository.Endpoint.Resolve($"v2/{repository.Name}/blobs/{digest}");
        var response = await SendAsync(repository.Endpoint, repository.Credentials, repository.Scopes(), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
            return request;
        }, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
            {
                // What we hold is not a prefix the registry can continue: start over.
                response.Dispose();
                return await OpenBlobAsync(repository, digest, 0, cancellationToken).ConfigureAwait(false);
            }
            if (!response.IsSuccessStatusCode) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            var start = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.From ?? offset : 0;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new RegistryBlob(response, stream, start, response.Content.Headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<long?> StatBlobAsync(RegistryRepository repository, Digest digest, CancellationToken cancellationToken)
    {
        var uri = repository.Endpoint.Resolve($"v2/{repository.Name}/blobs/{digest}");
        using var response = await SendAsync(repository.Endpoint, repository.Credentials, repository.Scopes(),
            () => new HttpRequestMessage(HttpMethod.Head, uri), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        return response.Content.Headers.ContentLength ?? 0;
    }

    public async Task<bool> PutBlobAsync(RegistryRepository repository, Digest digest, long size, Func<CancellationToken, Task<Stream>> open,
        string? mountFrom, Action<long>? progress, CancellationToken cancellationToken)
    {
        var endpoint = repository.Endpoint;
        var scopes = repository.Scopes(mountFrom);
        var start = endpoint.Resolve($"v2/{repository.Name}/blobs/uploads/"
                                     + (mountFrom is null ? "" : $"?mount={digest}&from={Uri.EscapeDataString(mountFrom)}"));
        Uri location;
        using (var started = await SendAsync(endpoint, repository.Credentials, scopes, () => new HttpRequestMessage(HttpMethod.Post, start)
               {
                   Content = new ByteArrayContent([]),
               }, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
        {
            if (started.StatusCode == HttpStatusCode.Created && mountFrom is not null) return true;
            if (started.StatusCode != HttpStatusCode.Accepted) throw await RegistryErrors.FromResponseAsync(started, cancellationToken).ConfigureAwait(false);
            location = UploadLocation(started, start);
        }

        if (size <= MonolithicUploadLimit)
        {
            await PutFinalAsync(repository, location, digest, 0, size, open, progress, cancellationToken).ConfigureAwait(false);
            return false;
        }
        long offset = 0;
        while (size - offset > ChunkSize)
        {
            var chunkStart = offset;
            using var response = await SendAsync(endpoint, repository.Credentials, repository.Scopes(), () => new HttpRequestMessage(HttpMethod.Patch, location)
            {
                Content = ChunkContent(open, chunkStart, ChunkSize, progress),
            }, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            location = UploadLocation(response, location);
            offset += ChunkSize;
        }
        await PutFinalAsync(repository, location, digest, offset, size - offset, open, progress, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>The closing PUT <c>?digest=</c> carrying the last (or only) bytes of the blob.</summary>
    private async Task PutFinalAsync(RegistryRepository repository, Uri location, Digest digest, long offset, long length,
        Func<CancellationToken, Task<Stream>> open, Action<long>? progress, CancellationToken cancellationToken)
    {
        var target = new Uri(location + (string.IsNullOrEmpty(location.Query) ? "?" : "&") + "digest=" + Uri.EscapeDataString(digest.ToString()));
        using var response = await SendAsync(repository.Endpoint, repository.Credentials, repository.Scopes(), () => new HttpRequestMessage(HttpMethod.Put, target)
        {
            Content = ChunkContent(open, offset, length, progress, withRange: false),
        }, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static HttpContent ChunkContent(Func<CancellationToken, Task<Stream>> open, long offset, long length, Action<long>? progress, bool withRange = true)
    {
        var content = new BlobChunkContent(open, offset, length, progress);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = length;
        if (withRange && length > 0) content.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + length - 1}");
        return content;
    }

    /// <summary>The upload URL a registry answered with (<c>Location</c>, possibly relative).</summary>
    private static Uri UploadLocation(HttpResponseMessage response, Uri requestUri)
    {
        var location = response.Headers.Location ?? throw new BerthException($"registry answered {requestUri} without an upload location");
        return location.IsAbsoluteUri ? location : new Uri(requestUri, location);
    }
}
