namespace Berth.Engine.Networking;

/// <summary>
/// What networking set up for a running container (kept in its record so teardown and inspect need nothing
/// else): the bind-mounted network namespace runc joins, the endpoints and the published ports.
/// </summary>
public sealed record ContainerNetworkState
{
    /// <summary>The network namespace file (<c>&lt;exec-root&gt;/netns/&lt;id&gt;</c>), or another container's / a process's namespace.</summary>
    public required string SandboxKey { get; init; }
    /// <summary>Whether <see cref="SandboxKey"/> is ours to unmount and delete (false for <c>container:&lt;name&gt;</c>).</summary>
    public bool OwnsSandbox { get; init; }
    /// <summary>
    /// For <c>container:&lt;name|id&gt;</c>: the ID of the container whose namespace this one joined; its
    /// /etc/hosts, /etc/resolv.conf and hostname are shared too, as Docker shares them.
    /// </summary>
    public string? NetworkContainerId { get; init; }
    public IReadOnlyList<ContainerEndpoint> Endpoints { get; init; } = [];
    public IReadOnlyList<PublishedPort> Ports { get; init; } = [];
}
