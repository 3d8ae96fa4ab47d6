using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary>
/// <c>POST /containers/{id}/attach</c> for clients that do not ask for the upgrade: the stream is the response
/// body (output only: stdin needs the hijack). Upgrade requests never get here; <see cref="Hijack.HijackConnectionMiddleware"/> serves them.
/// </summary>
public static class AttachContainer
{
    public static async Task HandleAsync(string id, HttpContext context, ContainerService containers, ContainerPaths paths)
    {
        using var session = AttachSession.Begin(containers, paths, id, name => QueryValues.String(context, name), name => QueryValues.Bool(context, name));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = session.ContentType;
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await session.RunAsync(context.Response.Body, input: null);
    }
}
