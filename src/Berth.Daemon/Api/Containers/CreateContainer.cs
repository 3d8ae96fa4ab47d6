using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Http;
using Berth.Engine.Containers;
using Microsoft.AspNetCore.Http;

namespace Berth.Daemon.Api.Containers;

/// <summary><c>POST /containers/create?name=</c>.</summary>
public static class CreateContainer
{
    public static async Task<IResult> HandleAsync(HttpContext context, ContainerService containers, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadOptionalAsync(context, BerthApiJsonContext.Default.ContainerCreateRequest)
            ?? throw BerthException.Invalid("config cannot be empty in order to create a container");

        var hostConfig = request.HostConfig ?? new HostConfig();
        ContainerNetworkRequest.Validate(context, hostConfig, request.NetworkingConfig);
        var record = await containers.CreateAsync(
            QueryValues.String(context, "name"), ContainerWireMapping.ConfigOf(request), hostConfig,
            request.NetworkingConfig?.EndpointsConfig, cancellationToken);
        return Results.Json(
            new ContainerCreateResponse { Id = record.Id, Warnings = [] },
            BerthApiJsonContext.Default.ContainerCreateResponse, statusCode: StatusCodes.Status201Created);
    }
}
