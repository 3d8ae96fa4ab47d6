namespace Berth.Engine.Networking;

/// <summary>A container's attachment to one network while it runs: its address, MAC and the host side of its veth pair.</summary>
public sealed record ContainerEndpoint
{
    public required string NetworkId { get; init; }
    public required string NetworkName { get; init; }
    public required string EndpointId { get; init; }
    public required string IpAddress { get; init; }
    public required int PrefixLength { get; init; }
    public required string Gateway { get; init; }
    public required string MacAddress { get; init; }
    /// <summary>Interface name inside the container (eth0, eth1, …).</summary>
    public required string Interface { get; init; }
    public required string HostVeth { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
