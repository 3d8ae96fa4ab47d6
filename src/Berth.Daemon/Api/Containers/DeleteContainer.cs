using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>DELETE /containers/{id}?force=&amp;v=</c>.</summary>
public static class DeleteContainer
{
    public static async Task<IResult> HandleAsync(string id, HttpRequest request, ContainerService containers, CancellationToken cancellationToken)
    {
        await containers.RemoveAsync(id, QueryValues.Bool(request.HttpContext, "force"), cancellationToken,
            removeVolumes: QueryValues.Bool(request.HttpContext, "v"));
        return Results.NoContent();
    }
}
