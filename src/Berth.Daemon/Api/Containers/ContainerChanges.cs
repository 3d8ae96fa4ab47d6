using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>GET /containers/{id}/changes</c>: the container's filesystem changes (<c>docker diff</c>).</summary>
public static class ContainerChanges
{
    public static Task HandleAsync(HttpContext context, string id, ContainerService containers)
    {
        var changes = containers.Changes(id).Select(c => new FilesystemChange { Path = c.Path, Kind = (int)c.Kind }).ToList();
        return JsonResponse.WriteAsync(context, changes, BerthApiJsonContext.Default.ListFilesystemChange);
    }
}
