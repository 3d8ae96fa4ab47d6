using System.Text.Json;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Registry.Storage;

namespace Berth.Registry.Http;

public sealed partial class RegistryHandler
{
    private async Task GetManifestAsync(HttpContext context, string name, string reference)
    {
        var ct = context.RequestAborted;
        var manifest = await _store.ResolveManifestAsync(name, reference, ct).ConfigureAwait(false);
        if (manifest is null)
        {
            if (reference.Contains(':', StringComparison.Ordinal)) ParseDigest(reference);
            RequireRepository(name);
            throw RegistryException.ManifestUnknown(reference);
        }
        var accepted = ManifestNegotiation.Accepted(context.Request.Headers.Accept);
        if (!ManifestNegotiation.Accepts(accepted, manifest.MediaType))
        {
            // A client that cannot read indexes gets the linux/amd64 image (what docker's registry does).
            manifest = MediaTypes.IsIndex(manifest.MediaType) && ManifestNegotiation.AcceptsSomeManifest(accepted)
                ? await DefaultPlatformAsync(name, manifest, accepted, ct).ConfigureAwait(false)
                : null;
            if (manifest is null)
                throw new RegistryException(RegistryErrorCode.ManifestUnknown, "manifest unknown: its media type is not in the Accept header", reference);
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = manifest.MediaType;
        response.ContentLength = manifest.Size;
        response.Headers[RegistryResponses.DigestHeader] = manifest.Digest.ToString();
        response.Headers.ETag = $"\"{manifest.Digest}\"";
        if (HttpMethods.IsHead(context.Request.Method)) return;
        var bytes = await _store.ReadManifestBytesAsync(manifest.Digest, ct).ConfigureAwait(false);
        await response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    private async Task<StoredManifest?> DefaultPlatformAsync(string name, StoredManifest index, IReadOnlyList<string> accepted, CancellationToken cancellationToken)
    {
        var bytes = await _store.ReadManifestBytesAsync(index.Digest, cancellationToken).ConfigureAwait(false);
        var parsed = JsonSerializer.Deserialize(bytes, OciJsonContext.Default.ImageIndex);
        var child = parsed?.Manifests.FirstOrDefault(m => m.Platform is { Os: "linux", Architecture: "amd64" } && ManifestNegotiation.Accepts(accepted, m.MediaType));
        return child is not null && Digest.TryParse(child.Digest, out var digest)
            ? await _store.ManifestAsync(name, digest, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task PutManifestAsync(HttpContext context, string name, string reference)
    {
        var ct = context.RequestAborted;
        var isDigest = Digest.TryParse(reference, out var byDigest);
        if (!isDigest && reference.Contains(':', StringComparison.Ordinal)) throw RegistryException.DigestInvalid("invalid digest", reference);
        if (!isDigest && !RepositoryName.IsValidTag(reference))
            throw new RegistryException(RegistryErrorCode.ManifestInvalid, "invalid tag", reference);
        var tags = new List<string>();
        if (!isDigest) tags.Add(reference);
        var queryTags = context.Request.Query["tag"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        foreach (var tag in queryTags)
        {
            if (!RepositoryName.IsValidTag(tag)) throw new RegistryException(RegistryErrorCode.ManifestInvalid, "invalid tag", tag);
            tags.Add(tag);
        }

        var bytes = await ReadLimitedAsync(context, _options.MaxManifestBytes).ConfigureAwait(false);
        var manifest = ManifestParser.Parse(bytes, context.Request.ContentType);
        var digest = Digest.Compute(bytes);
        if (isDigest && byDigest != digest)
            throw RegistryException.DigestInvalid("provided digest did not match uploaded content", $"computed {digest}, URL says {byDigest}");

        using (await StoreLock.SharedAsync(_store.Root, ct).ConfigureAwait(false))
        {
            await RequireReferencedAsync(name, manifest, ct).ConfigureAwait(false);
            await _store.PutManifestAsync(name, bytes, digest, manifest, tags, ct).ConfigureAwait(false);
        }

        var response = context.Response;
        response.Headers.Location = $"/v2/{name}/manifests/{digest}";
        response.Headers[RegistryResponses.DigestHeader] = digest.ToString();
        if (manifest.Subject is not null) response.Headers["OCI-Subject"] = manifest.Subject.Digest;
        if (queryTags.Count > 0) response.Headers["OCI-Tag"] = string.Join(", ", queryTags);
        RegistryResponses.Empty(context, StatusCodes.Status201Created);
    }

    /// <summary>Every blob a manifest needs (config, layers) and every manifest an index lists must be in the repository.</summary>
    private async Task RequireReferencedAsync(string name, ParsedManifest manifest, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var blob in manifest.Config is null ? manifest.Layers : manifest.Layers.Prepend(manifest.Config))
        {
            if (blob.Urls is { Count: > 0 }) continue; // foreign layers live elsewhere
            if (await _store.LinkedBlobAsync(name, blob.ParsedDigest(), cancellationToken).ConfigureAwait(false) is null) missing.Add(blob.Digest);
        }
        foreach (var child in manifest.Manifests)
        {
            if (await _store.ManifestAsync(name, child.ParsedDigest(), cancellationToken).ConfigureAwait(false) is null) missing.Add(child.Digest);
        }
        if (missing.Count > 0)
            throw new RegistryException(RegistryErrorCode.ManifestBlobUnknown, "manifest references a manifest or blob unknown to registry", string.Join(", ", missing));
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static RegistryException TooLarge(int limit) =>
        new(RegistryErrorCode.ManifestInvalid, "manifest too large", $"limit {limit} bytes") { StatusOverride = StatusCodes.Status413PayloadTooLarge };

    private async Task DeleteManifestAsync(HttpContext context, string name, string reference)
    {
        RequireRepository(name);
        if (Digest.TryParse(reference, out var digest))
        {
            if (!await _store.DeleteManifestAsync(name, digest, context.RequestAborted).ConfigureAwait(false))
                throw RegistryException.ManifestUnknown(reference);
        }
        else if (reference.Contains(':', StringComparison.Ordinal))
        {
            throw RegistryException.DigestInvalid("invalid digest", reference);
        }
        else if (!_store.DeleteTag(name, reference))
        {
            throw RegistryException.ManifestUnknown(reference);
        }
        RegistryResponses.Empty(context, StatusCodes.Status202Accepted);
    }
}
