using Berth.Api;

namespace Berth.Client;

/// <summary>Image endpoints under <c>/images</c>.</summary>
public partial interface IImagesClient
{
    Task<IReadOnlyList<ImageSummary>> ListAsync(bool all, IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);

    Task<ImageInspect> InspectAsync(string name, CancellationToken cancellationToken);

    /// <summary>The inspect document exactly as the daemon sent it.</summary>
    Task<System.Text.Json.JsonElement> InspectRawAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryResponseItem>> HistoryAsync(string name, CancellationToken cancellationToken);

    /// <summary><c>POST /images/{name}/tag?repo=&amp;tag=</c>.</summary>
    Task TagAsync(string name, string repository, string? tag, CancellationToken cancellationToken);

    Task<IReadOnlyList<ImageDeleteResponseItem>> RemoveAsync(string name, bool force, bool noPrune, CancellationToken cancellationToken);

    Task<ImagePruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /images/create?fromSrc=-</c> with <paramref name="source"/> (a rootfs tar) as the request body;
    /// yields the daemon's progress messages as they arrive.
    /// </summary>
    IAsyncEnumerable<JsonMessage> ImportAsync(Stream source, ImageImportOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /images/create?fromImage=&amp;tag=&amp;platform=</c> (pull) with <paramref name="registryAuth"/> as
    /// <c>X-Registry-Auth</c>; yields the daemon's progress messages.
    /// </summary>
    IAsyncEnumerable<JsonMessage> PullAsync(string image, string? tag, string? platform, string? registryAuth, CancellationToken cancellationToken);

    /// <summary><c>POST /images/{name}/push?tag=</c> with <c>X-Registry-Auth</c>; yields the daemon's progress messages.</summary>
    IAsyncEnumerable<JsonMessage> PushAsync(string name, string? tag, string? registryAuth, CancellationToken cancellationToken);

    /// <summary><c>GET /images/search?term=&amp;limit=</c>.</summary>
    Task<IReadOnlyList<ImageSearchResponseItem>> SearchAsync(string term, int? limit, string? registryAuth, CancellationToken cancellationToken);
}
