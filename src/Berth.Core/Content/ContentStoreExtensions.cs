using Berth.Core;

namespace Berth.Core.Content;

/// <summary>Whole-blob helpers over <see cref="IContentStore"/>.</summary>
public static class ContentStoreExtensions
{
    /// <summary>Writes a small blob in one go (configs, manifests); returns its digest.</summary>
    public static async Task<Digest> WriteBlobAsync(this IContentIngester store, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (store is FileContentStore files) return await files.PutBlobAsync(data, cancellationToken).ConfigureAwait(false);
        var digest = Digest.Compute(data.Span);
        var writer = await store.OpenWriterAsync($"blob-{digest.Encoded}-{Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            return await writer.CommitAsync(data.Length, digest, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<byte[]> ReadBlobAsync(this IContentProvider store, Digest digest, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(digest, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var ms = new MemoryStream();
            await stream.CopyToAsync(ms, cancellationToken).ConfigureAwait(false);
            return ms.ToArray();
        }
    }

    public static async Task<bool> ExistsAsync(this IContentProvider store, Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            await store.InfoAsync(digest, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (BerthException e) when (e.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }
}
