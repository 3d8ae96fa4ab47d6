using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Engine.Exec;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Exec;

/// <summary>
/// <c>POST /exec/{id}/start</c> without the upgrade: Detach starts the process and answers 200 at once (it runs
/// in the background, its output dropped); otherwise the stream is the response body. Upgrade requests are
/// served by <see cref="StartExecHijacked"/>.
/// </summary>
public static class StartExec
{
    public static async Task HandleAsync(string id, HttpContext context, ExecService execs)
    {
        var config = await JsonBody.ReadOptionalAsync(context, BerthApiJsonContext.Default.ExecStartConfig);
        if (config?.Detach == true)
        {
            await execs.StartAsync(id, ExecWireMapping.ConsoleSize(config.ConsoleSize), stdin: false, output: null, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        var session = ExecStreamSession.Begin(execs, id, config);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = session.ContentType;
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await session.RunAsync(context.Response.Body);
    }
}
