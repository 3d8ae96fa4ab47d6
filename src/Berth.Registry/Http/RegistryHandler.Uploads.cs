using System.Globalization;
using Berth.Core;
using Berth.Registry.Storage;

namespace Berth.Registry.Http;

public sealed partial class RegistryHandler
{
    private static string UploadLocation(string name, string id) => $"/v2/{name}/blobs/uploads/{id}";

    private static string BlobLocation(string name, Digest digest) => $"/v2/{name}/blobs/{digest}";

    /// <summary><c>POST /v2/&lt;name&gt;/blobs/uploads/</c>: mount, monolithic upload (<c>?digest=</c>) or a new session.</summary>
    private async Task StartUploadAsync(HttpContext context, string name)
    {
        var query = context.Request.Query;
        var ct = context.RequestAborted;
        var algorithm = query["digest-algorithm"].ToString();
        if (algorithm.Length > 0 && algorithm != "sha256")
            throw RegistryException.DigestInvalid("unsupported digest algorithm", algorithm);

        var mount = query["mount"].ToString();
        var from = query["from"].ToString();
        if (mount.Length > 0 && from.Length > 0 && Digest.TryParse(mount, out var mounted) && RepositoryName.IsValid(from) && _auth.MayPull(context, from))
        {
            using var storeLock = await StoreLock.SharedAsync(_store.Root, ct).ConfigureAwait(false);
            if (await _store.LinkedBlobAsync(from, mounted, ct).ConfigureAwait(false) is not null)
            {
                await _store.LinkBlobAsync(name, mounted, ct).ConfigureAwait(false);
                Created(context, name, mounted);
                return;
            }
        }

        var digestText = query["digest"].ToString();
        if (digestText.Length > 0)
        {
            var digest = RequireSha256(digestText);
            AllowLargeBody(context);
            var monolithic = await _uploads.StartAsync(name, ct).ConfigureAwait(false);
            await monolithic.Gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await AppendCheckedAsync(context, monolithic, null).ConfigureAwait(false);
                await _uploads.CompleteAsync(monolithic, digest, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not RegistryException)
            {
                await _uploads.CancelAsync(monolithic, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            finally
            {
                monolithic.Gate.Release();
            }
            Created(context, name, digest);
            return;
        }

        var session = await _uploads.StartAsync(name, ct).ConfigureAwait(false);
        UploadAccepted(context, session, 0, StatusCodes.Status202Accepted);
    }

    private async Task UploadStatusAsync(HttpContext context, string name, string id)
    {
        var session = _uploads.Find(name, id);
        await session.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            var offset = await _uploads.OffsetAsync(session, context.RequestAborted).ConfigureAwait(false);
            UploadAccepted(context, session, offset, StatusCodes.Status204NoContent);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task PatchUploadAsync(HttpContext context, string name, string id)
    {
        AllowLargeBody(context);
        var session = _uploads.Find(name, id);
        await session.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            var offset = await AppendCheckedAsync(context, session, context.Request.Headers.ContentRange.ToString()).ConfigureAwait(false);
            UploadAccepted(context, session, offset, StatusCodes.Status202Accepted);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task FinishUploadAsync(HttpContext context, string name, string id)
    {
        AllowLargeBody(context);
        var digestText = context.Request.Query["digest"].ToString();
        if (digestText.Length == 0) throw RegistryException.DigestInvalid("the closing PUT needs ?digest=");
        var digest = RequireSha256(digestText);
        var session = _uploads.Find(name, id);
        await session.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await AppendCheckedAsync(context, session, context.Request.Headers.ContentRange.ToString()).ConfigureAwait(false);
            await _uploads.CompleteAsync(session, digest, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            session.Gate.Release();
        }
        Created(context, name, digest);
    }

    private async Task CancelUploadAsync(HttpContext context, string name, string id)
    {
        var session = _uploads.Find(name, id);
        await session.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await _uploads.CancelAsync(session, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            session.Gate.Release();
        }
        RegistryResponses.Empty(context, StatusCodes.Status204NoContent);
    }

    /// <summary>
    /// Appends the request body at the session's offset. A <c>Content-Range: start-end</c> must start at the offset
    /// and agree with Content-Length, else 416 (the chunk is out of order) and nothing is written.
    /// </summary>
    private async Task<long> AppendCheckedAsync(HttpContext context, UploadSession session, string? contentRange)
    {
        var offset = await _uploads.OffsetAsync(session, context.RequestAborted).ConfigureAwait(false);
        var declaredLength = context.Request.ContentLength;
        if (!string.IsNullOrEmpty(contentRange))
        {
            if (!TryParseContentRange(contentRange, out var start, out var end) || start != offset
                || (declaredLength is { } length && length != end - start + 1))
            {
                context.Response.Headers.Location = UploadLocation(session.Repository, session.Id);
                context.Response.Headers.Range = RangeHeader(offset);
                context.Response.Headers["Docker-Upload-UUID"] = session.Id;
                throw new RegistryException(RegistryErrorCode.RangeInvalid, "chunk out of order or malformed Content-Range",
                    $"Content-Range {contentRange}, upload at offset {offset}");
            }
        }
        if (declaredLength == 0) return offset;
        var written = await _uploads.AppendAsync(session, context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        return offset + written;
    }

    /// <summary><c>start-end</c> (the spec's form), also tolerating <c>bytes start-end/total</c>.</summary>
    private static bool TryParseContentRange(string text, out long start, out long end)
    {
        start = end = 0;
        var s = text.Trim();
        if (s.StartsWith("bytes", StringComparison.OrdinalIgnoreCase)) s = s[5..].TrimStart(' ', '=');
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) s = s[..slash];
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
               && long.TryParse(s[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out start)
               && long.TryParse(s[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out end)
               && end >= start;
    }

    /// <summary>The spec's <c>Range: 0-&lt;last byte&gt;</c>; an empty upload reports <c>0-0</c>, as the reference registry does.</summary>
    private static string RangeHeader(long offset) => string.Create(CultureInfo.InvariantCulture, $"0-{Math.Max(0, offset - 1)}");

    private static void UploadAccepted(HttpContext context, UploadSession session, long offset, int status)
    {
        context.Response.Headers.Location = UploadLocation(session.Repository, session.Id);
        context.Response.Headers.Range = RangeHeader(offset);
        context.Response.Headers["Docker-Upload-UUID"] = session.Id;
        RegistryResponses.Empty(context, status);
    }

    private static void Created(HttpContext context, string name, Digest digest)
    {
        context.Response.Headers.Location = BlobLocation(name, digest);
        context.Response.Headers[RegistryResponses.DigestHeader] = digest.ToString();
        RegistryResponses.Empty(context, StatusCodes.Status201Created);
    }

    private static Digest RequireSha256(string text)
    {
        var digest = ParseDigest(text);
        if (digest.Algorithm != "sha256") throw RegistryException.DigestInvalid("unsupported digest algorithm", text);
        return digest;
    }
}
