using System.Net.Http.Headers;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Engine.Distribution;

public sealed partial class RegistryClient
{
    private const int MaxManifestSize = 4 << 20;

    private static readonly string[] ManifestMediaTypes =
        [MediaTypes.OciIndex, MediaTypes.OciManifest, MediaTypes.DockerManifestList, MediaTypes.DockerManifest];

    public async Task<RegistryManifest> GetManifestAsync(RegistryRepository repository, string reference, CancellationToken cancellationToken)
    {
        var uri = repository.Endpoint.Resolve($"v2/{repository.Name}/manifests/{reference}");
        using var response = await SendAsync(repository.Endpoint, repository.Credentials, repository.Scopes(), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var type in ManifestMediaTypes) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            return request;
        }, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > MaxManifestSize)
            throw BerthException.Invalid($"manifest {reference} is larger than {MaxManifestSize} bytes");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length > MaxManifestSize) throw BerthException.Invalid($"manifest {reference} is larger than {MaxManifestSize} bytes");
        var digest = Digest.Compute(bytes);
        if (Digest.TryParse(reference, out var wanted) && wanted != digest)
            throw BerthException.Invalid($"manifest verification failed for digest {wanted}");
        if (response.Headers.NonValidated.TryGetValues("Docker-Content-Digest", out var header)
            && Digest.TryParse(header.FirstOrDefault(), out var announced) && announced.Algorithm == digest.Algorithm && announced != digest)
            throw BerthException.Invalid($"manifest verification failed for digest {announced}: the content is {digest}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return new RegistryManifest(bytes, string.IsNullOrEmpty(mediaType) ? SniffMediaType(bytes) : mediaType, digest);
    }

    /// <summary>The <c>mediaType</c> field of a manifest, for registries that send a generic Content-Type.</summary>
    private static string SniffMediaType(byte[] bytes)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            if (document.RootElement.TryGetProperty("mediaType", out var type) && type.GetString() is { Length: > 0 } text) return text;
            return document.RootElement.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
        }
        catch (System.Text.Json.JsonException)
        {
            return MediaTypes.OciManifest;
        }
    }

    public async Task<Digest> PutManifestAsync(RegistryRepository repository, string reference, string mediaType, ReadOnlyMemory<byte> manifest, CancellationToken cancellationToken)
    {
        var uri = repository.Endpoint.Resolve($"v2/{repository.Name}/manifests/{reference}");
        using var response = await SendAsync(repository.Endpoint, repository.Credentials, repository.Scopes(), () =>
        {
            var content = new ReadOnlyMemoryContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, uri) { Content = content };
        }, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await RegistryErrors.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        return Digest.Compute(manifest.Span);
    }
}
