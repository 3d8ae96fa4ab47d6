using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>GET /containers/{id}/export</c> (<c>docker export</c>): the container's file system as a tar.</summary>
public static class ExportContainer
{
    private const int OutputBufferSize = 1 << 20;

    public static async Task HandleAsync(string id, HttpContext context, ContainerService containers)
    {
        containers.Get(id); // an unknown container is a plain 404 before the body starts
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-tar";
        var output = new BufferedStream(context.Response.Body, OutputBufferSize);
        await using (output.ConfigureAwait(false))
        {
            await containers.ExportAsync(id, output, context.RequestAborted).ConfigureAwait(false);
            await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
