using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Filters;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Berth.Engine.Networking;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Networks;

/// <summary>The handlers of <c>/networks</c>: parse, call <see cref="NetworkService"/>/<see cref="ContainerService"/>, map to wire types.</summary>
public static class NetworkHandlers
{
    private static readonly string[] ListFilters = ["name", "id", "label", "driver", "type", "scope", "dangling"];
    private static readonly string[] PruneFilters = ["label", "until"];

    public static async Task ListAsync(HttpContext context)
    {
        var filters = FilterArgs.FromQuery(context, ListFilters);
        var networks = Networks(context);
        await networks.DefaultNetworkAsync(context.RequestAborted).ConfigureAwait(false);
        var list = networks.All.Where(n => Matches(n, filters)).OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => NetworkWire.ToWire(n, Containers(context))).ToList();
        await JsonResponse.WriteAsync(context, list, BerthApiJsonContext.Default.ListNetwork).ConfigureAwait(false);
    }

    public static async Task CreateAsync(HttpContext context)
    {
        var request = await JsonBody.ReadOptionalAsync(context, BerthApiJsonContext.Default.NetworkCreateRequest).ConfigureAwait(false)
            ?? throw BerthException.Invalid("network name is required");
        if (request.Driver is { Length: > 0 } driver && driver != "bridge")
            throw BerthException.NotFound($"plugin \"{driver}\" not found");
        var ipam = request.Ipam?.Config is { Count: > 0 } configs ? configs[0] : null;
        var network = await Networks(context).CreateAsync(request.Name ?? "", ipam?.Subnet, ipam?.Gateway, request.Internal, request.Labels, context.RequestAborted)
            .ConfigureAwait(false);
        await JsonResponse.WriteAsync(context, new NetworkCreateResponse { Id = network.Id, Warning = "" },
            BerthApiJsonContext.Default.NetworkCreateResponse, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    public static async Task InspectAsync(string id, HttpContext context)
    {
        var networks = Networks(context);
        await networks.DefaultNetworkAsync(context.RequestAborted).ConfigureAwait(false);
        await JsonResponse.WriteAsync(context, NetworkWire.ToWire(networks.Get(id), Containers(context)), BerthApiJsonContext.Default.Network).ConfigureAwait(false);
    }

    public static async Task<IResult> RemoveAsync(string id, HttpContext context)
    {
        await Networks(context).RemoveAsync(id, context.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }

    public static async Task PruneAsync(HttpContext context)
    {
        var filters = FilterArgs.FromQuery(context, PruneFilters);
        var removed = await Networks(context).PruneAsync(n => LabelsMatch(n, filters.Get("label")), context.RequestAborted).ConfigureAwait(false);
        await JsonResponse.WriteAsync(context, new NetworkPruneResponse { NetworksDeleted = [.. removed] }, BerthApiJsonContext.Default.NetworkPruneResponse).ConfigureAwait(false);
    }

    public static async Task<IResult> ConnectAsync(string id, HttpContext context)
    {
        var request = await ConnectRequestAsync(context).ConfigureAwait(false);
        var network = Networks(context).Get(id);
        await Containers(context).ConnectNetworkAsync(request.Container!, network.Name, request.EndpointConfig, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok();
    }

    public static async Task<IResult> DisconnectAsync(string id, HttpContext context)
    {
        var request = await ConnectRequestAsync(context).ConfigureAwait(false);
        var network = Networks(context).Get(id);
        await Containers(context).DisconnectNetworkAsync(request.Container!, network.Name, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok();
    }

    private static async Task<NetworkConnectRequest> ConnectRequestAsync(HttpContext context)
    {
        var request = await JsonBody.ReadOptionalAsync(context, BerthApiJsonContext.Default.NetworkConnectRequest).ConfigureAwait(false);
        if (request?.Container is not { Length: > 0 }) throw BerthException.Invalid("a container is required");
        return request;
    }

    private static bool Matches(NetworkRecord network, FilterArgs filters)
    {
        if (filters.Get("name") is { Count: > 0 } names && !names.Any(n => network.Name.Contains(n, StringComparison.Ordinal))) return false;
        if (filters.Get("id") is { Count: > 0 } ids && !ids.Any(i => network.Id.StartsWith(i, StringComparison.Ordinal))) return false;
        if (filters.Get("driver") is { Count: > 0 } drivers && !drivers.Contains(network.Driver)) return false;
        if (filters.Get("type") is { Count: > 0 } types && !types.Contains(network.IsDefault ? "builtin" : "custom")) return false;
        if (filters.Get("dangling") is { Count: > 0 } dangling && dangling.Contains("true") != (network.Leases.Count == 0 && !network.IsDefault)) return false;
        return LabelsMatch(network, filters.Get("label"));
    }

    private static bool LabelsMatch(NetworkRecord network, IReadOnlyList<string> labels) =>
        labels.All(l => l.IndexOf('=') is var eq && eq < 0
            ? network.Labels.ContainsKey(l)
            : network.Labels.TryGetValue(l[..eq], out var v) && v == l[(eq + 1)..]);

    private static NetworkService Networks(HttpContext context) => context.RequestServices.GetRequiredService<NetworkService>();
    private static ContainerService Containers(HttpContext context) => context.RequestServices.GetRequiredService<ContainerService>();
}
