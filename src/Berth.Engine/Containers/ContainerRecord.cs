using Berth.Api;
using Berth.Core;

namespace Berth.Engine.Containers;

/// <summary>
/// The durable description of one container. Immutable: the store swaps whole records. Config and HostConfig
/// are the Engine API's own input types, kept as the client sent them after defaults from the image were
/// applied (docs/adr/0001-engine-input-types.md).
/// </summary>
public sealed record ContainerRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string ImageId { get; init; }
    /// <summary>The image as the user named it (<c>busybox</c>); <c>ps</c> shows it while it still resolves to ImageId.</summary>
    public required string ImageName { get; init; }
    public required ContainerConfig Config { get; init; }
    public required HostConfig HostConfig { get; init; }
    public required string Path { get; init; }
    public required List<string> Args { get; init; }
    public ContainerState State { get; init; } = ContainerState.New();
    public int RestartCount { get; init; }
    /// <summary>Set once the container has been started; <c>docker start</c> of a fresh container vs. a restart.</summary>
    public bool HasBeenStarted { get; init; }
    /// <summary>Set by stop/kill through the API, cleared by start: restart policies leave such a container alone.</summary>
    public bool HasBeenManuallyStopped { get; init; }
    /// <summary>Binds, volumes and tmpfs mounts, planned at create (ContainerMountPlanner).</summary>
    public IReadOnlyList<ContainerMount> Mounts { get; init; } = [];
    /// <summary>The networks asked for at create/connect (<c>NetworkingConfig.EndpointsConfig</c>: aliases, <c>--ip</c>).</summary>
    public Dictionary<string, EndpointSettings>? EndpointsConfig { get; init; }
    /// <summary>What networking set up while the container runs (namespace, endpoints, ports); null when stopped.</summary>
    public Berth.Engine.Networking.ContainerNetworkState? Network { get; init; }

    public Digest ImageDigest => Digest.Parse(ImageId);
    public string ShortId => Id[..12];
}
