using Berth.Api;
using Berth.Client.Http;

namespace Berth.Client;

/// <summary><see cref="IVolumesClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed class VolumesClient(ApiConnection connection) : IVolumesClient
{
    private static string Path(string name) => "/volumes/" + Uri.EscapeDataString(name);

    public Task<VolumeListResponse> ListAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        connection.GetJsonAsync("/volumes" + new QueryString().Add("filters", FilterArguments.ToJson(filters)),
            BerthApiJsonContext.Default.VolumeListResponse, cancellationToken);

    public Task<Volume> CreateAsync(VolumeCreateOptions options, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/volumes/create", ApiConnection.JsonContent(options, BerthApiJsonContext.Default.VolumeCreateOptions),
            BerthApiJsonContext.Default.Volume, cancellationToken);

    public Task<Volume> InspectAsync(string name, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(name), BerthApiJsonContext.Default.Volume, cancellationToken);

    public Task<System.Text.Json.JsonElement> InspectRawAsync(string name, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(name), BerthApiJsonContext.Default.JsonElement, cancellationToken);

    public Task RemoveAsync(string name, bool force, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Delete, Path(name) + new QueryString().AddFlag("force", force), null, cancellationToken);

    public Task<VolumePruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/volumes/prune" + new QueryString().Add("filters", FilterArguments.ToJson(filters)), null,
            BerthApiJsonContext.Default.VolumePruneResponse, cancellationToken);
}
