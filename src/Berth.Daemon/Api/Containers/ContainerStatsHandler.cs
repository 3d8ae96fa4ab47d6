using System.Text.Json;
using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Engine.Stats;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary>
/// <c>GET /containers/{id}/stats?stream&amp;one-shot</c>: one JSON object (stream=false), or one per second until
/// the container stops or the client goes away (stream=true, the default). Also berth's bulk extension
/// <c>GET /containers/stats?all=</c> (docs/api-extensions.md): every running container (all: every container) in
/// one array, each as <c>stream=false</c> would answer.
/// </summary>
public static class ContainerStatsHandler
{
    public static async Task HandleAsync(string id, HttpContext context, ContainerStatsService stats, CancellationToken cancellationToken)
    {
        var stream = QueryValues.Bool(context, "stream", defaultValue: true);
        var oneShot = QueryValues.Bool(context, "one-shot");
        if (!stream)
        {
            var once = await stats.GetAsync(id, oneShot, cancellationToken);
            await Results.Json(ContainerStatsMapping.ToWire(once), BerthApiJsonContext.Default.ContainerStatsResponse).ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        var started = false;
        await foreach (var sample in stats.StreamAsync(id, cancellationToken))
        {
            if (!started)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/json";
                await response.StartAsync(cancellationToken);
                started = true;
            }
            await JsonSerializer.SerializeAsync(response.Body, ContainerStatsMapping.ToWire(sample), BerthApiJsonContext.Default.ContainerStatsResponse, cancellationToken);
            await response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    public static async Task<IResult> HandleAllAsync(HttpContext context, ContainerStatsService stats, CancellationToken cancellationToken)
    {
        var all = await stats.GetAllAsync(QueryValues.Bool(context, "all"), cancellationToken);
        return Results.Json(all.Select(ContainerStatsMapping.ToWire).ToList(), BerthApiJsonContext.Default.ListContainerStatsResponse);
    }
}
