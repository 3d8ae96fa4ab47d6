using Berth.Api;

namespace Berth.Client;

public partial interface IContainersClient
{
    /// <summary><c>HEAD /containers/{id}/archive?path=</c>: the path's stat; a missing path is a 404 <see cref="BerthApiException"/>.</summary>
    Task<ContainerPathStat> StatPathAsync(string id, string path, CancellationToken cancellationToken);

    /// <summary><c>GET /containers/{id}/archive?path=</c>: a tar of the path and its stat. Dispose the content.</summary>
    Task<ContainerArchiveContent> GetArchiveAsync(string id, string path, CancellationToken cancellationToken);

    /// <summary><c>PUT /containers/{id}/archive?path=</c>: extracts <paramref name="tar"/> into the directory at the path.</summary>
    Task PutArchiveAsync(string id, string path, Stream tar, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken);
}
