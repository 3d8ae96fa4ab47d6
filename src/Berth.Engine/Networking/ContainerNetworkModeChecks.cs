using Berth.Api;
using Berth.Core;

namespace Berth.Engine.Networking;

/// <summary>
/// Create-time checks of <c>--network container:&lt;name|id&gt;</c>, with dockerd's texts (400): such a container
/// shares the other's namespace, hostname, /etc/hosts and /etc/resolv.conf, so it cannot set its own.
/// Runs on the request's config, before the image's defaults (its exposed ports) are merged in.
/// </summary>
public static class ContainerNetworkModeChecks
{
    public static void Validate(ContainerConfig config, HostConfig hostConfig)
    {
        var mode = hostConfig.NetworkMode ?? "";
        if (mode != "container" && !mode.StartsWith("container:", StringComparison.Ordinal)) return;
        if (mode.Length <= "container:".Length)
            throw BerthException.Invalid("invalid network mode: invalid container format container:<name|id>");
        if (!string.IsNullOrEmpty(config.Hostname))
            throw BerthException.Invalid("conflicting options: hostname and the network mode");
        if (hostConfig.Links is { Count: > 0 })
            throw BerthException.Invalid("conflicting options: container type network can't be used with links. This would result in undefined behavior");
        if (hostConfig.Dns is { Count: > 0 })
            throw BerthException.Invalid("conflicting options: dns and the network mode");
        if (hostConfig.ExtraHosts is { Count: > 0 })
            throw BerthException.Invalid("conflicting options: custom host-to-IP mapping and the network mode");
        if (hostConfig.PortBindings is { Count: > 0 } || hostConfig.PublishAllPorts)
            throw BerthException.Invalid("conflicting options: port publishing and the container type network mode");
        if (config.ExposedPorts is { Count: > 0 })
            throw BerthException.Invalid("conflicting options: port exposing and the container type network mode");
    }
}
