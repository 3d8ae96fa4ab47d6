using Berth.Registry.Auth;
using Berth.Registry.Http;
using Berth.Registry.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Berth.Registry;

/// <summary>
/// Hosts the registry in any ASP.NET Core app (berth-registry, or berthd later): <c>/v2/…</c> and, with token auth,
/// <c>/token</c>. The host disposes the returned <see cref="RegistryEndpoints"/> after it stops.
/// </summary>
public static class RegistryEndpointRouteBuilderExtensions
{
    public static RegistryEndpoints MapRegistryEndpoints(this IEndpointRouteBuilder endpoints, RegistryOptions options)
    {
        var store = new RegistryStore(options.Root, options.Time);
        var auth = new RegistryAuthenticator(options);
        var handler = new RegistryHandler(options, store, auth);
        RequestDelegate v2 = context =>
        {
            var path = context.Request.Path.Value ?? "";
            path = path.Length > 4 ? path[4..] : "";
            return handler.HandleAsync(context, path);
        };
        endpoints.Map("/v2", v2);
        endpoints.Map("/v2/{**path}", v2);
        if (options.Auth == RegistryAuthMode.Token)
            endpoints.MapMethods("/token", [HttpMethods.Get, HttpMethods.Post], auth.HandleTokenRequestAsync);
        return new RegistryEndpoints(handler, options);
    }
}
