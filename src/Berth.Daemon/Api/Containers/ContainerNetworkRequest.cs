using Berth.Api;
using Berth.Core;
using Berth.Engine.Networking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Containers;

/// <summary>Create-time checks of the network a container asks for: a user network must exist (404, as dockerd).</summary>
public static class ContainerNetworkRequest
{
    public static void Validate(HttpContext context, HostConfig hostConfig, NetworkingConfig? networking)
    {
        var networks = context.RequestServices.GetService<NetworkService>();
        if (networks is null) return;
        var mode = hostConfig.NetworkMode;
        if (mode is { Length: > 0 } && mode is not ("default" or "bridge" or "host" or "none") && !mode.StartsWith("container:", StringComparison.Ordinal))
            _ = networks.Get(mode);
        foreach (var name in networking?.EndpointsConfig?.Keys.ToList() ?? [])
            if (name is not ("bridge" or "host" or "none" or "default")) _ = networks.Get(name);
        if (mode is "host" or "none" && networking?.EndpointsConfig?.Keys.Any(k => k != mode) == true)
            throw BerthException.Invalid("conflicting options: a container on the host or none network cannot join other networks");
    }
}
