using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Engine.Exec;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Exec;

/// <summary><c>POST /containers/{id}/exec</c>: 201 with the new exec's ID.</summary>
public static class CreateExec
{
    public static async Task<IResult> HandleAsync(string id, HttpContext context, ExecService execs)
    {
        var config = await JsonBody.ReadAsync(context, BerthApiJsonContext.Default.ExecConfig);
        var detachKeys = config.DetachKeys ?? "";
        if (detachKeys.Length > 0 && !DetachKeys.TryParse(detachKeys, out _, out _))
            throw BerthException.Invalid($"Invalid escape keys ({detachKeys}) provided");
        var exec = execs.Create(id, new ExecOptions
        {
            Cmd = config.Cmd ?? [],
            Env = config.Env ?? [],
            WorkingDir = config.WorkingDir ?? "",
            User = config.User ?? "",
            Privileged = config.Privileged,
            Tty = config.Tty,
            AttachStdin = config.AttachStdin,
            AttachStdout = config.AttachStdout,
            AttachStderr = config.AttachStderr,
            DetachKeys = detachKeys,
            ConsoleSize = ExecWireMapping.ConsoleSize(config.ConsoleSize),
        });
        return Results.Json(new IdResponse { Id = exec.Id }, BerthApiJsonContext.Default.IdResponse, statusCode: StatusCodes.Status201Created);
    }
}
