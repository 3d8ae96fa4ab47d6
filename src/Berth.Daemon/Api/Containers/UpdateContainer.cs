using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>POST /containers/{id}/update</c>: new resource limits and/or restart policy; answers <c>{"Warnings":[]}</c>.</summary>
public static class UpdateContainer
{
    public static async Task<IResult> HandleAsync(string id, HttpContext context, ContainerService containers, CancellationToken cancellationToken)
    {
        var update = await JsonBody.ReadOptionalAsync(context, BerthApiJsonContext.Default.ContainerUpdateRequest) ?? new ContainerUpdateRequest();
        var warnings = await containers.UpdateAsync(id, update, cancellationToken);
        return Results.Json(new ContainerUpdateResponse { Warnings = [.. warnings] }, BerthApiJsonContext.Default.ContainerUpdateResponse);
    }
}
