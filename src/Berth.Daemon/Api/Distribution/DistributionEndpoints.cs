using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Distribution;

/// <summary>Routes that talk to registries without being per-image: login and search (push and pull sit with images).</summary>
public static class DistributionEndpoints
{
    public static IEndpointRouteBuilder MapDistributionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth", AuthHandler.HandleAsync);
        routes.MapGet("/images/search", SearchImagesHandler.HandleAsync);
        return routes;
    }
}
