using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Berth.Engine.Exec;
using Berth.Engine.Images;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>GET /containers/{id}/json?size=</c>.</summary>
public static class InspectContainer
{
    public static IResult Handle(string id, HttpRequest request, ContainerService containers, ContainerPaths paths, IImageService images, ExecService execs)
    {
        var record = containers.Get(id);
        var inspect = ContainerWireMapping.ToInspect(record, paths, images, QueryValues.Bool(request.HttpContext, "size"));
        inspect.ExecIds = execs.IdsFor(record.Id) is { Count: > 0 } execIds ? [.. execIds] : null;
        return Results.Json(inspect, BerthApiJsonContext.Default.ContainerInspectResponse);
    }
}
