using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Daemon.Api.Exec;

/// <summary>
/// The exec routes (swagger.yaml "Exec" tag). Route table only; handlers live beside it. A hijacked
/// <c>POST /exec/{id}/start</c> (Upgrade: tcp) is served by the hijack middleware (<see cref="StartExecHijacked"/>).
/// </summary>
public static class ExecEndpoints
{
    public static IEndpointRouteBuilder MapExecEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/containers/{id}/exec", CreateExec.HandleAsync);
        app.MapPost("/exec/{id}/start", StartExec.HandleAsync);
        app.MapPost("/exec/{id}/resize", ResizeExec.HandleAsync);
        app.MapGet("/exec/{id}/json", InspectExec.Handle);
        return app;
    }
}
