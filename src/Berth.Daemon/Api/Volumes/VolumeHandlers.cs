using System.Globalization;
using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Filters;
using Berth.Daemon.Api.Http;
using Berth.Engine.Volumes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Volumes;

/// <summary>The small handlers of <c>/volumes</c>: parse, call <see cref="VolumeService"/>, map to the wire types.</summary>
public static class VolumeHandlers
{
    private static readonly string[] ListFilters = ["name", "label", "driver", "dangling"];
    private static readonly string[] PruneFilters = ["label", "all"];

    public static Task ListAsync(HttpContext context)
    {
        var filters = FilterArgs.FromQuery(context, ListFilters);
        var byKey = ListFilters.Where(filters.Contains).ToDictionary(k => k, k => filters.Get(k), StringComparer.Ordinal);
        var volumes = Service(context).List(byKey);
        var response = new VolumeListResponse { Volumes = volumes.Select(ToWire).ToList() };
        return JsonResponse.WriteAsync(context, response, BerthApiJsonContext.Default.VolumeListResponse);
    }

    public static async Task CreateAsync(HttpContext context)
    {
        VolumeCreateOptions? options;
        try
        {
            options = await JsonSerializer.DeserializeAsync(context.Request.Body, BerthApiJsonContext.Default.VolumeCreateOptions, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid("invalid JSON: " + e.Message);
        }
        options ??= new VolumeCreateOptions();
        var volume = await Service(context).CreateAsync(options.Name, options.Labels, options.Driver, options.DriverOpts, context.RequestAborted)
            .ConfigureAwait(false);
        await JsonResponse.WriteAsync(context, ToWire(volume), BerthApiJsonContext.Default.Volume, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    public static Task InspectAsync(string name, HttpContext context) =>
        JsonResponse.WriteAsync(context, ToWire(Service(context).Get(name)), BerthApiJsonContext.Default.Volume);

    public static async Task<IResult> RemoveAsync(string name, HttpContext context)
    {
        await Service(context).RemoveAsync(name, QueryValues.Bool(context, "force"), context.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }

    public static async Task PruneAsync(HttpContext context)
    {
        var filters = FilterArgs.FromQuery(context, PruneFilters);
        var all = filters.GetBool("all") == true;
        var (removed, space) = await Service(context).PruneAsync(all, filters.Get("label"), context.RequestAborted).ConfigureAwait(false);
        var response = new VolumePruneResponse { VolumesDeleted = [.. removed], SpaceReclaimed = space };
        await JsonResponse.WriteAsync(context, response, BerthApiJsonContext.Default.VolumePruneResponse).ConfigureAwait(false);
    }

    private static VolumeService Service(HttpContext context) => context.RequestServices.GetRequiredService<VolumeService>();

    public static Volume ToWire(VolumeRecord volume) => new()
    {
        Name = volume.Name,
        Driver = volume.Driver,
        Mountpoint = volume.Mountpoint,
        CreatedAt = volume.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        Labels = new Dictionary<string, string>(volume.Labels),
        Options = new Dictionary<string, string>(volume.Options),
        Scope = "local",
    };
}
