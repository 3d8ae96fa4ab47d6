using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Build;

/// <summary>Routes that make images from containers and Dockerfiles (swagger.yaml <c>/commit</c>, <c>/build</c>).</summary>
public static class BuildEndpoints
{
    public static IEndpointRouteBuilder MapBuildEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/commit", CommitContainer.HandleAsync);
        app.MapPost("/build", BuildImage.HandleAsync);
        app.MapPost("/build/prune", PruneBuildCache.HandleAsync);
        return app;
    }
}
