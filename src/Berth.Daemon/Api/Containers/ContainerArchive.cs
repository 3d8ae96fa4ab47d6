using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary>
/// <c>GET/HEAD/PUT /containers/{id}/archive?path=</c> (<c>docker cp</c>). GET and HEAD answer the path's stat in
/// the <c>X-Docker-Container-Path-Stat</c> header (base64 JSON); GET streams a tar of the path; PUT extracts a
/// tar into the directory at the path.
/// </summary>
public static class ContainerArchive
{
    public const string StatHeader = "X-Docker-Container-Path-Stat";
    private const int OutputBufferSize = 1 << 20;

    public static async Task HeadAsync(string id, HttpContext context, ContainerService containers)
    {
        var stat = await containers.StatPathAsync(id, RequiredPath(context), context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers[StatHeader] = Encode(stat);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static async Task GetAsync(string id, HttpContext context, ContainerService containers)
    {
        var path = RequiredPath(context);
        BufferedStream? output = null;
        try
        {
            await containers.GetArchiveAsync(id, path, stat =>
            {
                context.Response.Headers[StatHeader] = Encode(stat);
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/x-tar";
                output = new BufferedStream(context.Response.Body, OutputBufferSize);
                return output;
            }, context.RequestAborted).ConfigureAwait(false);
            if (output is not null) await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (output is not null) await output.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static async Task PutAsync(string id, HttpContext context, ContainerService containers)
    {
        var path = RequiredPath(context);
        var noOverwrite = QueryValues.Bool(context, "noOverwriteDirNonDir");
        var copyUidGid = QueryValues.Bool(context, "copyUIDGID");
        await containers.PutArchiveAsync(id, path, context.Request.Body, noOverwrite, copyUidGid, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static string RequiredPath(HttpContext context)
    {
        var path = QueryValues.String(context, "path");
        if (string.IsNullOrEmpty(path)) throw BerthException.Invalid("path cannot be empty");
        return path;
    }

    private static string Encode(ContainerPathStat stat) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(stat, BerthApiJsonContext.Default.ContainerPathStat));
}
