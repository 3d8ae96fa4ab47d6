using Berth.Daemon.Api.Http;
using Berth.Engine.Archives;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Images;

/// <summary>
/// <c>GET /images/get?names=…</c> and <c>GET /images/{name}/get</c> (<c>docker save</c>): a tar with the
/// docker-archive and OCI layout of the images. Names are resolved before the first byte, so an unknown image
/// is an ordinary 404.
/// </summary>
public static class SaveImagesHandler
{
    private const int OutputBufferSize = 1 << 20;

    public static Task HandleManyAsync(HttpContext context) =>
        SaveAsync(context, QueryValues.Strings(context, "names"));

    public static Task HandleOneAsync(HttpContext context, string name) => SaveAsync(context, [name]);

    private static async Task SaveAsync(HttpContext context, IReadOnlyList<string> names)
    {
        var archives = context.RequestServices.GetRequiredService<IImageArchiveService>();
        var writer = await archives.PrepareSaveAsync(names, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-tar";
        var output = new BufferedStream(context.Response.Body, OutputBufferSize);
        await using (output.ConfigureAwait(false))
        {
            await writer.WriteAsync(output, context.RequestAborted).ConfigureAwait(false);
            await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
