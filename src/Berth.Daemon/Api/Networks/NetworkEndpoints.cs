using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Networks;

/// <summary>Route table of the network resource (swagger.yaml tag "Network").</summary>
public static class NetworkEndpoints
{
    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/networks", NetworkHandlers.ListAsync);
        routes.MapPost("/networks/create", NetworkHandlers.CreateAsync);
        routes.MapPost("/networks/prune", NetworkHandlers.PruneAsync);
        routes.MapGet("/networks/{id}", NetworkHandlers.InspectAsync);
        routes.MapDelete("/networks/{id}", NetworkHandlers.RemoveAsync);
        routes.MapPost("/networks/{id}/connect", NetworkHandlers.ConnectAsync);
        routes.MapPost("/networks/{id}/disconnect", NetworkHandlers.DisconnectAsync);
        return routes;
    }
}
