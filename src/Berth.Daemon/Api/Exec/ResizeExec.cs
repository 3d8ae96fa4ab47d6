using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Engine.Exec;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Exec;

/// <summary><c>POST /exec/{id}/resize?h=&amp;w=</c>: 200 with no body.</summary>
public static class ResizeExec
{
    public static async Task<IResult> HandleAsync(string id, HttpContext context, ExecService execs, CancellationToken cancellationToken)
    {
        var height = QueryValues.Int32(context, "h") ?? throw BerthException.Invalid("invalid resize height: missing");
        var width = QueryValues.Int32(context, "w") ?? throw BerthException.Invalid("invalid resize width: missing");
        if (height < 0 || width < 0) throw BerthException.Invalid($"invalid resize size: {height}x{width}");
        await execs.ResizeAsync(id, height, width, cancellationToken);
        return Results.Ok();
    }
}
