using Berth.Core;

namespace Berth.Core.Content;

/// <summary>Reads committed blobs by digest (containerd's content.Provider). Missing blobs throw NotFound.</summary>
public interface IContentProvider
{
    Task<ContentInfo> InfoAsync(Digest digest, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken);
}
