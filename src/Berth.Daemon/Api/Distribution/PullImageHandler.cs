using Berth.Core;
using Berth.Core.References;
using Berth.Daemon.Api.Http;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// <c>POST /images/create?fromImage=&amp;tag=&amp;platform=</c> (<c>docker pull</c>) with <c>X-Registry-Auth</c>:
/// a JSON progress stream as dockerd writes it. <c>tag</c> may also be a digest.
/// </summary>
public static class PullImageHandler
{
    public static Task HandleAsync(HttpContext context, string fromImage)
    {
        var tag = QueryValues.String(context, "tag");
        var reference = ImageReference.Parse(fromImage);
        if (!string.IsNullOrEmpty(tag))
        {
            reference = Digest.TryParse(tag, out var digest) ? reference.NameOnly().WithDigest(digest) : reference.NameOnly().WithTag(tag);
        }
        var platform = QueryValues.String(context, "platform");
        var credentials = RegistryAuthHeader.Read(context);
        var pulls = context.RequestServices.GetRequiredService<PullService>();
        return ProgressPump.RunAsync(context, pump =>
            pulls.PullAsync(reference, string.IsNullOrEmpty(platform) ? null : platform, credentials, pump, context.RequestAborted));
    }
}
