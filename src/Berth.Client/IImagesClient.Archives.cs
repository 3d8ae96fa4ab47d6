using Berth.Api;

namespace Berth.Client;

/// <summary>Image archives: <c>docker save</c> and <c>docker load</c>.</summary>
public partial interface IImagesClient
{
    /// <summary><c>GET /images/get?names=…</c>: the archive as a stream (dispose it to end the request).</summary>
    Task<Stream> SaveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary><c>POST /images/load</c> with <paramref name="archive"/> as the body; yields the daemon's messages.</summary>
    IAsyncEnumerable<JsonMessage> LoadAsync(Stream archive, bool quiet, CancellationToken cancellationToken);
}
