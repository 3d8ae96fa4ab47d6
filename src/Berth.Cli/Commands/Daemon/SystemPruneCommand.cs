using System.CommandLine;
using System.Text;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Daemon;

/// <summary>
/// <c>berth system prune [-a] [--volumes] [-f] [--filter]</c>: stopped containers, dangling (with <c>-a</c>
/// all unused) images, build cache and, with <c>--volumes</c>, unused anonymous volumes, through each
/// resource's prune endpoint in docker's order; prints what each removed and the total reclaimed.
/// </summary>
internal sealed class SystemPruneCommand : Command
{
    private readonly Option<bool> _all = new("--all", "-a") { Description = "Remove all unused images not just dangling ones" };
    private readonly Option<bool> _volumes = new("--volumes") { Description = "Prune anonymous volumes" };
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Do not prompt for confirmation" };
    private readonly Option<string[]> _filter = new("--filter") { Description = "Provide filter values (e.g. \"label=<key>=<value>\")" };

    public SystemPruneCommand(CliContext context) : base("prune", "Remove unused data")
    {
        Add(_all);
        Add(_volumes);
        Add(_force);
        Add(_filter);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var all = parseResult.GetValue(_all);
            var volumes = parseResult.GetValue(_volumes);
            if (!parseResult.GetValue(_force) && !await PruneConfirmation.AskAsync(context, Warning(all, volumes), token).ConfigureAwait(false))
                return 0;
            var output = new StringBuilder();
            long reclaimed = 0;

            var containers = await client.Containers.PruneAsync(FilterFlags.Parse(parseResult.GetValue(_filter)), token).ConfigureAwait(false);
            reclaimed += containers.SpaceReclaimed;
            Section(output, "Deleted Containers:", containers.ContainersDeleted ?? []);

            if (volumes)
            {
                var volumeFilters = FilterFlags.Parse(parseResult.GetValue(_filter));
                volumeFilters.Remove("until"); // volume prune takes label filters only
                var removed = await client.Volumes.PruneAsync(volumeFilters, token).ConfigureAwait(false);
                reclaimed += removed.SpaceReclaimed;
                Section(output, "Deleted Volumes:", removed.VolumesDeleted ?? []);
            }

            var imageFilters = FilterFlags.Parse(parseResult.GetValue(_filter));
            imageFilters["dangling"] = [all ? "false" : "true"];
            var images = await client.Images.PruneAsync(imageFilters, token).ConfigureAwait(false);
            reclaimed += images.SpaceReclaimed;
            Section(output, "Deleted Images:", (images.ImagesDeleted ?? [])
                .Select(i => i.Untagged is { } untagged ? $"untagged: {untagged}" : $"deleted: {i.Deleted}"));

            var cache = await client.Build.PruneAsync(token).ConfigureAwait(false);
            reclaimed += cache.SpaceReclaimed;
            Section(output, "Deleted build cache objects:", cache.CachesDeleted ?? []);

            output.Append("Total reclaimed space: ").Append(HumanUnits.Size(reclaimed)).Append('\n');
            await context.Out.WriteAsync(output.ToString()).ConfigureAwait(false);
            return 0;
        }, ct));
    }

    private static string Warning(bool all, bool volumes)
    {
        var text = new StringBuilder("WARNING! This will remove:\n  - all stopped containers\n");
        if (volumes) text.Append("  - all anonymous volumes not used by at least one container\n");
        text.Append(all ? "  - all images without at least one container associated to them\n  - all build cache\n" : "  - all dangling images\n  - unused build cache\n");
        return text.ToString();
    }

    private static void Section(StringBuilder output, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0) return;
        output.Append(title).Append('\n');
        foreach (var line in items) output.Append(line).Append('\n');
        output.Append('\n');
    }
}
