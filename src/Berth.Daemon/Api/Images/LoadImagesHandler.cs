using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Archives;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Images;

/// <summary>
/// <c>POST /images/load?quiet=</c> (<c>docker load</c>): the request body is an image archive. Answers with
/// dockerd's JSONMessage lines, <c>{"stream":"Loaded image: busybox:latest\n"}</c> per tag and
/// <c>Loaded image ID: sha256:…</c> for an untagged image. A bad archive is a 400 and loads nothing.
/// </summary>
public static class LoadImagesHandler
{
    public static Task HandleAsync(HttpContext context)
    {
        QueryValues.Bool(context, "quiet");
        var archives = context.RequestServices.GetRequiredService<IImageArchiveService>();
        return JsonMessageStream.RunAsync(context, async stream =>
        {
            IReadOnlyList<LoadedImage> loaded;
            try
            {
                loaded = await archives.LoadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
            }
            catch when (!context.RequestAborted.IsCancellationRequested)
            {
                // Read what the client still sends, so it sees the error rather than a broken pipe.
                await DrainAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
                throw;
            }
            foreach (var image in loaded)
            {
                if (image.References.Count == 0)
                    await stream.WriteAsync(new JsonMessage { Stream = $"Loaded image ID: {image.Id}\n" }).ConfigureAwait(false);
                foreach (var reference in image.References)
                    await stream.WriteAsync(new JsonMessage { Stream = $"Loaded image: {reference}\n" }).ConfigureAwait(false);
            }
        });
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0) { }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or InvalidOperationException) { }
    }
}
