using Berth.Api;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary>Container endpoints under <c>/containers</c>.</summary>
public partial interface IContainersClient
{
    Task<IReadOnlyList<ContainerSummary>> ListAsync(ContainerListOptions options, CancellationToken cancellationToken);

    Task<ContainerCreateResponse> CreateAsync(ContainerCreateRequest request, string? name, string? platform, CancellationToken cancellationToken);

    Task<ContainerInspectResponse> InspectAsync(string id, bool size, CancellationToken cancellationToken);

    /// <summary>The inspect document exactly as the daemon sent it (for <c>inspect</c> output and templates).</summary>
    Task<System.Text.Json.JsonElement> InspectRawAsync(string id, bool size, CancellationToken cancellationToken);

    Task StartAsync(string id, CancellationToken cancellationToken);

    /// <summary><c>POST /containers/{id}/stop</c>; <paramref name="timeoutSeconds"/> null uses the container's StopTimeout.</summary>
    Task StopAsync(string id, int? timeoutSeconds, string? signal, CancellationToken cancellationToken);

    Task RestartAsync(string id, int? timeoutSeconds, string? signal, CancellationToken cancellationToken);

    Task KillAsync(string id, string? signal, CancellationToken cancellationToken);

    Task PauseAsync(string id, CancellationToken cancellationToken);

    Task UnpauseAsync(string id, CancellationToken cancellationToken);

    /// <summary>Waits for the condition (<c>not-running</c>, <c>next-exit</c>, <c>removed</c>).</summary>
    Task<ContainerWaitResponse> WaitAsync(string id, string? condition, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the wait request and returns once it has been written to the daemon, so a following start cannot
    /// overtake it (what <c>docker run</c> needs); the returned handle completes when the condition is met.
    /// </summary>
    Task<ContainerWaiter> BeginWaitAsync(string id, string? condition, CancellationToken cancellationToken);

    Task RemoveAsync(string id, bool force, bool removeVolumes, CancellationToken cancellationToken);

    Task<ContainerPruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken);

    Task RenameAsync(string id, string newName, CancellationToken cancellationToken);

    Task<ContainerTopResponse> TopAsync(string id, string? psArgs, CancellationToken cancellationToken);

    /// <summary><c>GET /containers/{id}/stats?stream=false</c>: one sample with its predecessor.</summary>
    Task<ContainerStatsResponse> StatsAsync(string id, bool oneShot, CancellationToken cancellationToken);

    /// <summary>berth's bulk extension <c>GET /containers/stats?all=</c>: every running (or every) container's sample at once.</summary>
    Task<IReadOnlyList<ContainerStatsResponse>> StatsAllAsync(bool all, CancellationToken cancellationToken);

    /// <summary><c>POST /containers/{id}/update</c>.</summary>
    Task<ContainerUpdateResponse> UpdateAsync(string id, ContainerUpdateRequest update, CancellationToken cancellationToken);

    /// <summary><c>GET /containers/{id}/logs</c>; the stream is multiplexed unless the container has a TTY.</summary>
    Task<Stream> LogsAsync(string id, ContainerLogsOptions options, CancellationToken cancellationToken);

    /// <summary><c>GET /containers/{id}/export</c>: the container's file system as a tar stream.</summary>
    Task<Stream> ExportAsync(string id, CancellationToken cancellationToken);

    /// <summary>Hijacked <c>POST /containers/{id}/attach</c>.</summary>
    Task<HijackedStream> AttachAsync(string id, ContainerAttachOptions options, CancellationToken cancellationToken);

    /// <summary><c>POST /containers/{id}/resize</c>: the TTY's rows and columns.</summary>
    Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken);
}
