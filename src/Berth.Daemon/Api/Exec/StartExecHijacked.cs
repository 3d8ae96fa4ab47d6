using System.Text.Json;
using Berth.Api;
using Berth.Daemon.Api.Hijack;
using Berth.Engine.Exec;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Exec;

/// <summary>
/// Hijacked <c>POST /exec/{id}/start</c> (<c>docker exec</c> without -d): checks the exec, answers
/// <c>101 UPGRADED</c>, then runs the <see cref="ExecStreamSession"/> on the raw connection.
/// </summary>
public static class StartExecHijacked
{
    public static async Task HandleAsync(IServiceProvider services, string id, HijackRequest request, Func<string, Task<Stream>> upgrade)
    {
        var execs = services.GetRequiredService<ExecService>();
        var config = request.Body.Length > 0 && !request.Body.AsSpan().Trim(" \t\r\n"u8).IsEmpty
            ? JsonSerializer.Deserialize(request.Body, BerthApiJsonContext.Default.ExecStartConfig)
            : null;
        if (config?.Detach == true)
        {
            await execs.StartAsync(id, ExecWireMapping.ConsoleSize(config.ConsoleSize), stdin: false, output: null, CancellationToken.None).ConfigureAwait(false);
            await using var done = await upgrade("application/vnd.docker.raw-stream").ConfigureAwait(false);
            return;
        }
        var session = ExecStreamSession.Begin(execs, id, config);
        await using var stream = await upgrade(session.ContentType).ConfigureAwait(false);
        await session.RunAsync(stream).ConfigureAwait(false);
    }
}
