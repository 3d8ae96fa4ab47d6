using Berth.Engine.Containers;

namespace Berth.Engine.Networking;

/// <summary>
/// What the container workflows ask of networking: set a container's network up before runc starts it, and tear
/// it down after it died or is removed. Without one (unit tests) containers get runc's empty network namespace.
/// </summary>
public interface IContainerNetworking
{
    /// <summary>Sets up the container's namespace, endpoints, ports, /etc/hosts and /etc/resolv.conf; null for host or none.</summary>
    Task<ContainerNetworkState?> SetUpAsync(ContainerRecord record, Func<string, ContainerRecord> lookup, CancellationToken cancellationToken);

    /// <summary>Attaches a running container to one more network; returns its new state.</summary>
    Task<ContainerNetworkState> ConnectAsync(ContainerRecord record, string network, ContainerNetworkState state, CancellationToken cancellationToken);

    /// <summary>Detaches a running container from one network; returns its new state.</summary>
    Task<ContainerNetworkState> DisconnectAsync(ContainerRecord record, string network, ContainerNetworkState state, CancellationToken cancellationToken);

    /// <summary>Removes everything <see cref="SetUpAsync"/> made for this container; idempotent, also after a crash.</summary>
    Task TearDownAsync(string containerId, ContainerNetworkState? state, CancellationToken cancellationToken);
}
