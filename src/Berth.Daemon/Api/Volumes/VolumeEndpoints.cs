using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Volumes;

/// <summary>Route table of the volume resource (swagger.yaml tag "Volume").</summary>
public static class VolumeEndpoints
{
    public static IEndpointRouteBuilder MapVolumeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/volumes", VolumeHandlers.ListAsync);
        routes.MapPost("/volumes/create", VolumeHandlers.CreateAsync);
        routes.MapPost("/volumes/prune", VolumeHandlers.PruneAsync);
        routes.MapGet("/volumes/{name}", VolumeHandlers.InspectAsync);
        routes.MapDelete("/volumes/{name}", VolumeHandlers.RemoveAsync);
        return routes;
    }
}
