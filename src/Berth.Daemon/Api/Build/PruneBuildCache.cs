using Berth.Api;
using Berth.Daemon.Api.Http;
using Berth.Engine.Build;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Build;

/// <summary><c>POST /build/prune</c>: forgets the build cache; its step images stay until <c>image prune</c>.</summary>
public static class PruneBuildCache
{
    public static Task HandleAsync(HttpContext context, BuildCache cache) =>
        JsonResponse.WriteAsync(context, new BuildPruneResponse { CachesDeleted = [.. cache.Clear()], SpaceReclaimed = 0 },
            BerthApiJsonContext.Default.BuildPruneResponse);
}
