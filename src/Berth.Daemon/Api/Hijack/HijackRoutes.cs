using System.Text.RegularExpressions;
using Berth.Daemon.Api.Containers;
using Berth.Engine.Containers;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Hijack;

/// <summary>The routes served hijacked (container attach, exec start).</summary>
public static partial class HijackRoutes
{
    public static HijackRoute? Find(string path)
    {
        var attach = AttachPath().Match(path);
        if (attach.Success) return new HijackRoute(path, Uri.UnescapeDataString(attach.Groups[1].Value), AttachAsync);
        var execStart = ExecStartPath().Match(path);
        if (execStart.Success) return new HijackRoute(path, Uri.UnescapeDataString(execStart.Groups[1].Value), Exec.StartExecHijacked.HandleAsync);
        return null;
    }

    private static async Task AttachAsync(IServiceProvider services, string id, HijackRequest request, Func<string, Task<Stream>> upgrade)
    {
        using var session = AttachSession.Begin(
            services.GetRequiredService<ContainerService>(), services.GetRequiredService<ContainerPaths>(), id, request.QueryString, request.QueryBool);
        await using var stream = await upgrade(session.ContentType).ConfigureAwait(false);
        await session.RunAsync(stream, stream).ConfigureAwait(false);
    }

    [GeneratedRegex("^/containers/([^/]+)/attach$")]
    private static partial Regex AttachPath();

    [GeneratedRegex("^/exec/([^/]+)/start$")]
    private static partial Regex ExecStartPath();
}
