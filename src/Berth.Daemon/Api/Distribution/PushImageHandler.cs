using Berth.Core.References;
using Berth.Daemon.Api.Http;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// <c>POST /images/{name}/push?tag=</c> (<c>docker push</c>) with <c>X-Registry-Auth</c>: progress, then per tag
/// <c>TAG: digest: sha256:… size: N</c> and an aux <c>{"Tag","Digest","Size"}</c>, as dockerd.
/// </summary>
public static class PushImageHandler
{
    public static Task HandleAsync(HttpContext context, string name)
    {
        var tag = QueryValues.String(context, "tag");
        var reference = ImageReference.Parse(name);
        if (!string.IsNullOrEmpty(tag)) reference = reference.NameOnly().WithTag(tag);
        var credentials = RegistryAuthHeader.Read(context);
        var pushes = context.RequestServices.GetRequiredService<PushService>();
        return ProgressPump.RunAsync(context, pump => pushes.PushAsync(reference, credentials, pump, context.RequestAborted));
    }
}
