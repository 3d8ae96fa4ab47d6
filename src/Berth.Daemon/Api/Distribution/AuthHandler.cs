using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Engine.Distribution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Distribution;

/// <summary>
/// <c>POST /auth</c> (<c>docker login</c>): checks the credentials against the registry (<c>GET /v2/</c>, answering
/// its Basic or Bearer challenge) and answers <c>{"Status":"Login Succeeded"}</c>, or 401 <c>unauthorized: …</c>.
/// </summary>
public static class AuthHandler
{
    public static async Task HandleAsync(HttpContext context)
    {
        var config = await JsonBody.ReadAsync(context, BerthApiJsonContext.Default.AuthConfig).ConfigureAwait(false);
        var credentials = RegistryAuthHeader.ToCredentials(config);
        var domain = RegistryEndpoints.DomainOf(config.ServerAddress);
        var endpoints = context.RequestServices.GetRequiredService<RegistryEndpoints>();
        var registry = context.RequestServices.GetRequiredService<IRegistryClient>();
        var endpoint = await endpoints.UpstreamAsync(domain, context.RequestAborted).ConfigureAwait(false);
        try
        {
            await registry.CheckCredentialsAsync(endpoint, credentials, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BerthException e) when (e.Kind == ErrorKind.Forbidden)
        {
            throw new BerthException(ErrorKind.Unauthorized, e.Message, e);
        }
        await JsonResponse.WriteAsync(context, new AuthResponse { Status = "Login Succeeded", IdentityToken = "" },
            BerthApiJsonContext.Default.AuthResponse).ConfigureAwait(false);
    }
}
