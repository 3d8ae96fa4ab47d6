using System.Buffers;
using System.Globalization;
using Berth.Core.Content;

namespace Berth.Registry.Http;

public sealed partial class RegistryHandler
{
    private const int CopyBufferSize = 1 << 20;

    private async Task<ContentInfo> RequireBlobAsync(string name, string reference, CancellationToken cancellationToken)
    {
        var digest = ParseDigest(reference);
        return await _store.LinkedBlobAsync(name, digest, cancellationToken).ConfigureAwait(false)
               ?? throw RegistryException.BlobUnknown(reference);
    }

    private async Task GetBlobAsync(HttpContext context, string name, string reference)
    {
        var info = await RequireBlobAsync(name, reference, context.RequestAborted).ConfigureAwait(false);
        var response = context.Response;
        response.Headers[RegistryResponses.DigestHeader] = info.Digest.ToString();
        response.Headers.ETag = $"\"{info.Digest}\"";
        response.Headers.AcceptRanges = "bytes";
        response.Headers.CacheControl = "max-age=31536000";
        response.ContentType = "application/octet-stream";
        var range = ByteRange.Parse(context.Request.Headers.Range, info.Size, out var unsatisfiable);
        if (unsatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{info.Size}";
            await RegistryResponses.WriteErrorAsync(context, StatusCodes.Status416RangeNotSatisfiable, "BLOB_UNKNOWN", "requested range not satisfiable", null).ConfigureAwait(false);
            return;
        }
        long offset = 0, length = info.Size;
        if (range is { } r)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {r.Start}-{r.End}/{info.Size}");
            (offset, length) = (r.Start, r.Length);
        }
        else
        {
            response.StatusCode = StatusCodes.Status200OK;
        }
        response.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method)) return;

        var file = new FileStream(_store.Content.BlobPath(info.Digest), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            file.Position = offset;
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                var remaining = length;
                while (remaining > 0)
                {
                    var n = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), context.RequestAborted).ConfigureAwait(false);
                    if (n == 0) break;
                    await response.Body.WriteAsync(buffer.AsMemory(0, n), context.RequestAborted).ConfigureAwait(false);
                    remaining -= n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task DeleteBlobAsync(HttpContext context, string name, string reference)
    {
        var digest = ParseDigest(reference);
        RequireRepository(name);
        if (!_store.UnlinkBlob(name, digest)) throw RegistryException.BlobUnknown(reference);
        RegistryResponses.Empty(context, StatusCodes.Status202Accepted);
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
