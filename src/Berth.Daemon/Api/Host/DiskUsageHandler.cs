using Berth.Api;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Daemon.Api.Containers;
using Berth.Daemon.Api.Http;
using Berth.Daemon.Api.Images;
using Berth.Daemon.Api.Volumes;
using Berth.Engine.Build;
using Berth.Engine.Containers;
using Berth.Engine.DiskUsage;
using Berth.Engine.Images;
using Berth.Engine.Volumes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Api.Host;

/// <summary>
/// <c>GET /system/df[?type=container|image|volume|build-cache]</c> (<c>docker system df</c>). Sizes come from
/// <see cref="DiskUsageSizes"/>' caches; image sizes and shared sizes are the image's layer snapshots.
/// </summary>
public static class DiskUsageHandler
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var sizes = services.GetRequiredService<DiskUsageSizes>();
        var images = services.GetRequiredService<IImageService>();
        var containers = services.GetRequiredService<ContainerService>();
        var volumes = services.GetRequiredService<VolumeService>();
        var usage = services.GetRequiredService<IVolumeUsage>();
        var cache = services.GetRequiredService<BuildCache>();
        var types = QueryValues.Strings(context, "type");
        bool Wanted(string type) => types.Count == 0 || types.Contains(type);
        var response = new SystemDataUsageResponse();
        var records = containers.View.All;
        if (Wanted("image")) AddImages(response, images, sizes, records, context.GetApiVersion());
        if (Wanted("container"))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var record in records)
            {
                var summary = ContainerWireMapping.ToSummary(record, images, withSize: false, now);
                summary.SizeRw = sizes.Container(record);
                summary.SizeRootFs = summary.SizeRw + (images.TryGet(record.ImageId)?.Size ?? 0);
                response.Containers.Add(summary);
            }
        }
        var volumeRecords = volumes.List(new Dictionary<string, IReadOnlyList<string>>());
        if (Wanted("volume"))
        {
            foreach (var volume in volumeRecords)
            {
                var wire = VolumeHandlers.ToWire(volume);
                wire.UsageData = new VolumeUsageData { Size = sizes.Volume(volume), RefCount = usage.ContainersUsing(volume.Name).Count };
                response.Volumes.Add(wire);
            }
        }
        if (Wanted("build-cache")) AddBuildCache(response, images, sizes, cache);
        sizes.Forget(records.Select(r => r.Id).ToHashSet(), volumeRecords.Select(v => v.Name).ToHashSet());
        await JsonResponse.WriteAsync(context, response, BerthApiJsonContext.Default.SystemDataUsageResponse).ConfigureAwait(false);
    }

    private static void AddImages(SystemDataUsageResponse response, IImageService images, DiskUsageSizes sizes, IEnumerable<ContainerRecord> containers, ApiVersion version)
    {
        var list = images.List();
        var chains = list.ToDictionary(i => i.Id, Chain);
        var layerUsers = chains.Values.SelectMany(c => c.Distinct()).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        response.LayersSize = layerUsers.Keys.Sum(sizes.Layer);
        var containerCounts = containers.GroupBy(c => c.ImageId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var image in list)
        {
            var summary = ImageWireMapping.Summary(image, image.RepoTags, version);
            var chain = chains[image.Id].Distinct().ToList();
            summary.Size = chain.Sum(sizes.Layer);
            summary.SharedSize = chain.Where(c => layerUsers[c] > 1).Sum(sizes.Layer);
            summary.Containers = containerCounts.GetValueOrDefault(image.Id.ToString());
            response.Images.Add(summary);
        }
    }

    private static void AddBuildCache(SystemDataUsageResponse response, IImageService images, DiskUsageSizes sizes, BuildCache cache)
    {
        foreach (var (key, imageId, created, lastUsed) in cache.List())
        {
            if (images.TryGet(imageId) is not { } image) continue;
            // A step's own bytes: the layer it added (its top layer), none for a metadata-only (empty-layer) step.
            var step = image.Config.History?.LastOrDefault();
            var top = step?.EmptyLayer == true ? null : Chain(image) is [.., var last] ? last : null;
            response.BuildCache.Add(new BuildCacheRecord
            {
                Id = key[..Math.Min(25, key.Length)],
                Description = step?.CreatedBy ?? "",
                Shared = image.RepoTags.Count > 0,
                Size = top is null ? 0 : sizes.Layer(top),
                CreatedAt = created,
                LastUsedAt = lastUsed,
                UsageCount = 1,
            });
        }
    }

    private static List<string> Chain(ImageRecord image) =>
        ChainId.Of(image.Config.RootFs.DiffIds.Select(Digest.Parse).ToList()).Select(d => d.ToString()).ToList();
}
