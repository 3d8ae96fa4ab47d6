using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Containers;

/// <summary>The container routes (swagger.yaml "Container" tag). Route table only; handlers live beside it.</summary>
public static class ContainerEndpoints
{
    public static IEndpointRouteBuilder MapContainerEndpoints(this IEndpointRouteBuilder app)
    {
        var containers = app.MapGroup("/containers");
        containers.MapGet("/json", ListContainers.Handle);
        containers.MapPost("/create", CreateContainer.HandleAsync);
        containers.MapPost("/prune", PruneContainers.HandleAsync);
        containers.MapGet("/{id}/json", InspectContainer.Handle);
        containers.MapPost("/{id}/start", ContainerLifecycle.StartAsync);
        containers.MapPost("/{id}/stop", ContainerLifecycle.StopAsync);
        containers.MapPost("/{id}/restart", ContainerLifecycle.RestartAsync);
        containers.MapPost("/{id}/kill", ContainerLifecycle.KillAsync);
        containers.MapPost("/{id}/pause", PauseContainer.PauseAsync);
        containers.MapPost("/{id}/unpause", PauseContainer.UnpauseAsync);
        containers.MapGet("/{id}/top", TopContainer.HandleAsync);
        containers.MapGet("/{id}/export", ExportContainer.HandleAsync);
        containers.MapGet("/{id}/archive", ContainerArchive.GetAsync);
        containers.MapMethods("/{id}/archive", ["HEAD"], ContainerArchive.HeadAsync);
        containers.MapPut("/{id}/archive", ContainerArchive.PutAsync);
        containers.MapGet("/{id}/stats", ContainerStatsHandler.HandleAsync);
        containers.MapGet("/stats", ContainerStatsHandler.HandleAllAsync);
        containers.MapPost("/{id}/update", UpdateContainer.HandleAsync);
        containers.MapPost("/{id}/rename", ContainerLifecycle.RenameAsync);
        containers.MapPost("/{id}/wait", WaitContainer.HandleAsync);
        containers.MapDelete("/{id}", DeleteContainer.HandleAsync);
        containers.MapGet("/{id}/logs", ContainerLogs.HandleAsync);
        containers.MapGet("/{id}/changes", ContainerChanges.HandleAsync);
        containers.MapPost("/{id}/attach", AttachContainer.HandleAsync);
        containers.MapPost("/{id}/resize", ResizeContainer.HandleAsync);
        return app;
    }
}
