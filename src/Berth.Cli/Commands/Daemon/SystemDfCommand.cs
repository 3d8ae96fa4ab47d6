using System.CommandLine;
using System.Globalization;
using System.Text;
using Berth.Api;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Daemon;

/// <summary>
/// <c>berth system df [-v]</c>: docker's summary table (TYPE TOTAL ACTIVE SIZE RECLAIMABLE) or, with <c>-v</c>,
/// one section per images, containers, local volumes and build cache.
/// </summary>
internal sealed class SystemDfCommand : Command
{
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Show detailed information on space usage" };

    public SystemDfCommand(CliContext context) : base("df", "Show berth disk usage")
    {
        Add(_verbose);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var usage = await client.System.DiskUsageAsync(token).ConfigureAwait(false);
            var text = parseResult.GetValue(_verbose) ? Verbose(usage, context.Clock.GetUtcNow()) : Summary(usage);
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return 0;
        }, ct));
    }

    public static string Summary(SystemDataUsageResponse usage)
    {
        var table = new StringBuilder("TYPE\tTOTAL\tACTIVE\tSIZE\tRECLAIMABLE\n");
        var imagesUsed = usage.Images.Where(i => i.Containers > 0).Sum(i => i.Size - Math.Max(0, i.SharedSize));
        Row(table, "Images", usage.Images.Count, usage.Images.Count(i => i.Containers > 0), usage.LayersSize, Math.Max(0, usage.LayersSize - imagesUsed));
        var containerSize = usage.Containers.Sum(c => c.SizeRw ?? 0);
        Row(table, "Containers", usage.Containers.Count, usage.Containers.Count(c => c.State is "running" or "paused" or "restarting"), containerSize,
            usage.Containers.Where(c => c.State is not ("running" or "paused" or "restarting")).Sum(c => c.SizeRw ?? 0));
        var volumeSize = usage.Volumes.Sum(v => v.UsageData?.Size ?? 0);
        Row(table, "Local Volumes", usage.Volumes.Count, usage.Volumes.Count(v => v.UsageData?.RefCount > 0), volumeSize,
            usage.Volumes.Where(v => v.UsageData?.RefCount == 0).Sum(v => v.UsageData?.Size ?? 0));
        var cacheSize = usage.BuildCache.Sum(b => b.Size);
        table.Append(CultureInfo.InvariantCulture, $"Build Cache\t{usage.BuildCache.Count}\t{usage.BuildCache.Count(b => b.InUse)}\t{HumanUnits.Size(cacheSize)}\t{HumanUnits.Size(usage.BuildCache.Where(b => !b.Shared && !b.InUse).Sum(b => b.Size))}\n");
        return TableWriter.Align(table.ToString(), 10);
    }

    private static void Row(StringBuilder table, string type, int total, int active, long size, long reclaimable)
    {
        var percent = size > 0 ? $" ({reclaimable * 100 / size}%)" : "";
        table.Append(CultureInfo.InvariantCulture, $"{type}\t{total}\t{active}\t{HumanUnits.Size(size)}\t{HumanUnits.Size(reclaimable)}{percent}\n");
    }

    private static string Verbose(SystemDataUsageResponse usage, DateTimeOffset now)
    {
        var output = new StringBuilder();
        output.Append("Images space usage:\n\n");
        var images = new StringBuilder("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n");
        foreach (var image in usage.Images)
        {
            var tags = image.RepoTags is { Count: > 0 } t ? t : ["<none>:<none>"];
            foreach (var tag in tags)
            {
                var colon = tag.LastIndexOf(':');
                var created = HumanUnits.Ago(image.Created, now);
                images.Append(CultureInfo.InvariantCulture,
                    $"{tag[..colon]}\t{tag[(colon + 1)..]}\t{ShortId(image.Id)}\t{created}\t{HumanUnits.Size(image.Size)}\t{HumanUnits.Size(Math.Max(0, image.SharedSize))}\t{HumanUnits.Size(image.Size - Math.Max(0, image.SharedSize))}\t{image.Containers}\n");
            }
        }
        output.Append(TableWriter.Align(images.ToString(), 10)).Append("\nContainers space usage:\n\n");
        var containers = new StringBuilder("CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n");
        foreach (var container in usage.Containers)
        {
            var command = container.Command ?? "";
            if (command.Length > 20) command = command[..19] + "…";
            var volumes = container.Mounts?.Count(m => m.Type == "volume") ?? 0;
            containers.Append(CultureInfo.InvariantCulture,
                $"{ShortId(container.Id)}\t{container.Image}\t\"{command}\"\t{volumes}\t{HumanUnits.Size(container.SizeRw ?? 0)}\t{HumanUnits.Ago(container.Created, now)}\t{container.Status}\t{string.Join(',', (container.Names ?? []).Select(n => n.TrimStart('/')))}\n");
        }
        output.Append(TableWriter.Align(containers.ToString(), 10)).Append("\nLocal Volumes space usage:\n\n");
        var volumesTable = new StringBuilder("VOLUME NAME\tLINKS\tSIZE\n");
        foreach (var volume in usage.Volumes)
            volumesTable.Append(CultureInfo.InvariantCulture, $"{volume.Name}\t{volume.UsageData?.RefCount ?? 0}\t{HumanUnits.Size(volume.UsageData?.Size ?? 0)}\n");
        output.Append(TableWriter.Align(volumesTable.ToString(), 10)).Append("\nBuild cache usage: ").Append(HumanUnits.Size(usage.BuildCache.Sum(b => b.Size))).Append("\n\n");
        var cache = new StringBuilder("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED\n");
        foreach (var entry in usage.BuildCache)
        {
            cache.Append(CultureInfo.InvariantCulture,
                $"{entry.Id}\t{entry.Type}\t{HumanUnits.Size(entry.Size)}\t{HumanUnits.Ago(entry.CreatedAt.ToUnixTimeSeconds(), now)}\t{(entry.LastUsedAt is { } used ? HumanUnits.Ago(used.ToUnixTimeSeconds(), now) : "")}\t{entry.UsageCount}\t{entry.Shared.ToString().ToLowerInvariant()}\n");
        }
        output.Append(TableWriter.Align(cache.ToString(), 10));
        return output.ToString();
    }

    private static string ShortId(string? id)
    {
        id ??= "";
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;
        return hex[..Math.Min(12, hex.Length)];
    }
}
