namespace Berth.Engine.Networking;

/// <summary>An address held by a container's endpoint, with the names other members resolve it by.</summary>
public sealed record IpLease(string ContainerId, string ContainerName, IReadOnlyList<string> Aliases);
