using Berth.Api;

namespace Berth.Client;

/// <summary>Volume endpoints under <c>/volumes</c>.</summary>
public interface IVolumesClient
{
    Task<VolumeListResponse> ListAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);

    Task<Volume> CreateAsync(VolumeCreateOptions options, CancellationToken cancellationToken);

    Task<Volume> InspectAsync(string name, CancellationToken cancellationToken);

    /// <summary>The inspect document exactly as the daemon sent it.</summary>
    Task<System.Text.Json.JsonElement> InspectRawAsync(string name, CancellationToken cancellationToken);

    Task RemoveAsync(string name, bool force, CancellationToken cancellationToken);

    Task<VolumePruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);
}
