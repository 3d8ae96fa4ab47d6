using Berth.Daemon.Api.Build;
using Berth.Daemon.Api.Distribution;
using Berth.Daemon.Api.Containers;
using Berth.Daemon.Api.Errors;
using Berth.Daemon.Api.Exec;
using Berth.Daemon.Api.Images;
using Berth.Daemon.Api.Volumes;
using Berth.Daemon.Api.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api;

/// <summary>
/// The Engine API pipeline: errors → version prefix (<c>/v1.47/…</c> or bare) → one route table per resource →
/// 404 <c>page not found</c> for anything else (also for a known path with the wrong method, as dockerd).
/// </summary>
public static class EngineApi
{
    public static WebApplication MapEngineApi(this WebApplication app)
    {
        app.UseMiddleware<ErrorMiddleware>();
        app.Use(ApiVersionMiddleware.InvokeAsync);
        app.UseRouting();

        app.MapSystemEndpoints();
        app.MapImageEndpoints();
        app.MapDistributionEndpoints();
        app.MapContainerEndpoints();
        app.MapExecEndpoints();
        app.MapBuildEndpoints();
        app.MapVolumeEndpoints();
        app.MapNetworkEndpoints();
        // Further resources map their route tables here (ContainerEndpoints, ExecEndpoints, …).

        app.MapFallback(PageNotFoundAsync);
        return app;
    }

    private static Task PageNotFoundAsync(HttpContext context) =>
        ErrorMapping.WriteAsync(context, StatusCodes.Status404NotFound, "page not found");
}
