using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Images;

/// <summary>
/// Route table of the image resource (swagger.yaml tag "Image"). Image names may contain slashes
/// (<c>127.0.0.1:5000/a/b:1</c>), so the per-image routes are one catch-all each, split by
/// <see cref="ImagePathRoute"/>.
/// </summary>
public static class ImageEndpoints
{
    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/images/json", ListImagesHandler.HandleAsync);
        routes.MapPost("/images/create", CreateImageHandler.HandleAsync);
        routes.MapPost("/images/prune", PruneImagesHandler.HandleAsync);
        routes.MapGet("/images/get", SaveImagesHandler.HandleManyAsync);
        routes.MapPost("/images/load", LoadImagesHandler.HandleAsync);
        routes.MapGet("/images/{**path}", ImagePathRoute.Get(
            ("json", InspectImageHandler.HandleAsync),
            ("history", ImageHistoryHandler.HandleAsync),
            ("get", SaveImagesHandler.HandleOneAsync)));
        routes.MapPost("/images/{**path}", ImagePathRoute.Post(
            ("tag", TagImageHandler.HandleAsync),
            ("push", Distribution.PushImageHandler.HandleAsync)));
        routes.MapDelete("/images/{**path}", ImagePathRoute.Whole(RemoveImageHandler.HandleAsync));
        return routes;
    }
}
