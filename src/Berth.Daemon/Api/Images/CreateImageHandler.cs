using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Daemon.Api.Streaming;
using Berth.Engine.Distribution;
using Berth.Engine.Images;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Images;

/// <summary>
/// <c>POST /images/create</c>: <c>fromSrc=-</c> imports the request body as a one-layer image
/// (<c>docker import</c>), <c>fromSrc=&lt;url&gt;</c> the tar downloaded from that URL, and answers with a JSONMessage stream ending in <c>{"status":"sha256:…"}</c>;
/// <c>fromImage=</c> is a pull.
/// </summary>
public static class CreateImageHandler
{
    public static Task HandleAsync(HttpContext context)
    {
        var fromImage = QueryValues.String(context, "fromImage");
        var fromSrc = QueryValues.String(context, "fromSrc");
        if (!string.IsNullOrEmpty(fromImage))
            return Distribution.PullImageHandler.HandleAsync(context, fromImage);
        if (string.IsNullOrEmpty(fromSrc))
            throw BerthException.Invalid("either fromImage or fromSrc is required");
        return ImportAsync(context, fromSrc);
    }

    private static Task ImportAsync(HttpContext context, string fromSrc)
    {
        var repo = QueryValues.String(context, "repo");
        var tag = QueryValues.String(context, "tag");
        string? reference = null;
        if (!string.IsNullOrEmpty(repo)) reference = string.IsNullOrEmpty(tag) ? repo : $"{repo}:{tag}";
        else if (!string.IsNullOrEmpty(tag)) throw BerthException.Invalid("tag given without a repository");
        var changes = QueryValues.Strings(context, "changes");
        var message = QueryValues.String(context, "message");
        var images = context.RequestServices.GetRequiredService<IImageService>();

        return JsonMessageStream.RunAsync(context, async stream =>
        {
            var image = fromSrc == "-"
                ? await images.ImportAsync(context.Request.Body, reference, changes, message, context.RequestAborted).ConfigureAwait(false)
                : await context.RequestServices.GetRequiredService<UrlImporter>()
                    .ImportAsync(fromSrc, reference, changes, message, null, context.RequestAborted).ConfigureAwait(false);
            await stream.WriteStatusAsync(image.Id.ToString()).ConfigureAwait(false);
        });
    }
}
