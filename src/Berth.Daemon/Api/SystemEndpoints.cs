using Berth.Daemon.Api.Events;
using Berth.Daemon.Api.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api;

/// <summary>Route table of the system resource (swagger.yaml tag "System").</summary>
public static class SystemEndpoints
{
    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/_ping", ["GET", "HEAD"], PingHandler.HandleAsync);
        routes.MapGet("/version", VersionHandler.HandleAsync);
        routes.MapGet("/info", InfoHandler.HandleAsync);
        routes.MapGet("/events", EventsHandler.HandleAsync);
        routes.MapGet("/system/df", DiskUsageHandler.HandleAsync);
        return routes;
    }
}
