namespace Berth.Engine.Networking;

/// <summary>A container port published on the host: <c>HostIp:HostPort → ContainerPort/Protocol</c>.</summary>
public sealed record PublishedPort(string Protocol, int ContainerPort, string HostIp, int HostPort)
{
    /// <summary>The Engine API's key, <c>80/tcp</c>.</summary>
    public string Key => $"{ContainerPort}/{Protocol}";
}
