using Berth.Api;
using Berth.Client.Http;

namespace Berth.Client;

/// <summary><see cref="INetworksClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed class NetworksClient(ApiConnection connection) : INetworksClient
{
    private static string Path(string idOrName) => "/networks/" + Uri.EscapeDataString(idOrName);

    public Task<List<Network>> ListAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        connection.GetJsonAsync("/networks" + new QueryString().Add("filters", FilterArguments.ToJson(filters)),
            BerthApiJsonContext.Default.ListNetwork, cancellationToken);

    public Task<NetworkCreateResponse> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/networks/create", ApiConnection.JsonContent(request, BerthApiJsonContext.Default.NetworkCreateRequest),
            BerthApiJsonContext.Default.NetworkCreateResponse, cancellationToken);

    public Task<System.Text.Json.JsonElement> InspectRawAsync(string idOrName, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(idOrName), BerthApiJsonContext.Default.JsonElement, cancellationToken);

    public Task RemoveAsync(string idOrName, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Delete, Path(idOrName), null, cancellationToken);

    public Task<NetworkPruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/networks/prune" + new QueryString().Add("filters", FilterArguments.ToJson(filters)), null,
            BerthApiJsonContext.Default.NetworkPruneResponse, cancellationToken);

    public Task ConnectAsync(string network, NetworkConnectRequest request, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(network) + "/connect", ApiConnection.JsonContent(request, BerthApiJsonContext.Default.NetworkConnectRequest), cancellationToken);

    public Task DisconnectAsync(string network, NetworkConnectRequest request, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(network) + "/disconnect", ApiConnection.JsonContent(request, BerthApiJsonContext.Default.NetworkConnectRequest), cancellationToken);
}
