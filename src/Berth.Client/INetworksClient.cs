using Berth.Api;

namespace Berth.Client;

/// <summary>Network endpoints under <c>/networks</c>.</summary>
public interface INetworksClient
{
    Task<List<Network>> ListAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);

    Task<NetworkCreateResponse> CreateAsync(NetworkCreateRequest request, CancellationToken cancellationToken);

    /// <summary>The inspect document exactly as the daemon sent it.</summary>
    Task<System.Text.Json.JsonElement> InspectRawAsync(string idOrName, CancellationToken cancellationToken);

    Task RemoveAsync(string idOrName, CancellationToken cancellationToken);

    Task<NetworkPruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);

    Task ConnectAsync(string network, NetworkConnectRequest request, CancellationToken cancellationToken);

    Task DisconnectAsync(string network, NetworkConnectRequest request, CancellationToken cancellationToken);
}
