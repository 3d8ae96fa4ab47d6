using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Build;

/// <summary>
/// <c>POST /commit?container=&amp;repo=&amp;tag=&amp;comment=&amp;author=&amp;pause=&amp;changes=</c> with an optional
/// ContainerConfig body: 201 <c>{"Id":"sha256:…"}</c>.
/// </summary>
public static class CommitContainer
{
    public static async Task HandleAsync(HttpContext context, ContainerService containers)
    {
        var container = QueryValues.String(context, "container");
        if (string.IsNullOrEmpty(container)) throw BerthException.Invalid("container is required");
        var repo = QueryValues.String(context, "repo");
        var tag = QueryValues.String(context, "tag");
        string? reference = null;
        if (!string.IsNullOrEmpty(repo)) reference = string.IsNullOrEmpty(tag) ? repo : $"{repo}:{tag}";
        else if (!string.IsNullOrEmpty(tag)) throw BerthException.Invalid("tag given without a repository");
        var overrides = await JsonBody.ReadOptionalAsync(context, BerthApiJsonContext.Default.ContainerConfig).ConfigureAwait(false);
        var image = await containers.CommitAsync(container, reference, QueryValues.String(context, "comment"), QueryValues.String(context, "author"),
            QueryValues.Strings(context, "changes"), QueryValues.Bool(context, "pause", defaultValue: true), overrides, context.RequestAborted).ConfigureAwait(false);
        await JsonResponse.WriteAsync(context, new IdResponse { Id = image.Id.ToString() }, BerthApiJsonContext.Default.IdResponse, StatusCodes.Status201Created).ConfigureAwait(false);
    }
}
