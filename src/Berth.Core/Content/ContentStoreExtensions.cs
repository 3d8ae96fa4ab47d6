using Berth.Core;

namespace Berth.Core.Content;

/// <summary>Whole-blob read helpers over <see cref="IContentProvider"/>.</summary>
public static class ContentStoreExtensions
{
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
