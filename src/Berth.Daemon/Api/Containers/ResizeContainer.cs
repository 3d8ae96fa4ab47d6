using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>POST /containers/{id}/resize?h=&amp;w=</c>: 200 with no body; 404 missing, 409 not running.</summary>
public static class ResizeContainer
{
    public static async Task<IResult> HandleAsync(string id, HttpContext context, ContainerService containers, CancellationToken cancellationToken)
    {
        var height = QueryValues.Int32(context, "h") ?? throw Core.BerthException.Invalid("strconv.Atoi: parsing \"\": invalid syntax");
        var width = QueryValues.Int32(context, "w") ?? throw Core.BerthException.Invalid("strconv.Atoi: parsing \"\": invalid syntax");
        if (height < 0 || width < 0) throw Core.BerthException.Invalid($"invalid terminal size {height}x{width}");
        await containers.ResizeAsync(id, height, width, cancellationToken);
        return Results.Ok();
    }
}
