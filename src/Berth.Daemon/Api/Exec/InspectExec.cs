using Berth.Api;
using Berth.Engine.Exec;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Exec;

/// <summary><c>GET /exec/{id}/json</c>.</summary>
public static class InspectExec
{
    public static IResult Handle(string id, ExecService execs) =>
        Results.Json(ExecWireMapping.ToInspect(execs.Get(id)), BerthApiJsonContext.Default.ExecInspectResponse);
}
