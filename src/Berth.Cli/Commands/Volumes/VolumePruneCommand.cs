using System.CommandLine;
using System.Text;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Volumes;

/// <summary><c>berth volume prune [-a] [-f] [--filter]</c>: unused anonymous volumes, or all unused ones with <c>-a</c>.</summary>
internal sealed class VolumePruneCommand : Command
{
    private readonly Option<bool> _all = new("--all", "-a") { Description = "Remove all unused volumes, not just anonymous ones" };
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Do not prompt for confirmation" };
    private readonly Option<string[]> _filter = new("--filter") { Description = "Provide filter values (e.g. \"label=<label>\")" };

    public VolumePruneCommand(CliContext context) : base("prune", "Remove unused local volumes")
    {
        Add(_all);
        Add(_force);
        Add(_filter);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var filters = FilterFlags.Parse(parseResult.GetValue(_filter));
            if (parseResult.GetValue(_all)) filters["all"] = ["true"];
            if (!parseResult.GetValue(_force)
                && !await PruneConfirmation.AskAsync(context, "WARNING! This will remove anonymous local volumes not used by at least one container.", token).ConfigureAwait(false))
            {
                return 0;
            }
            var report = await client.Volumes.PruneAsync(filters, token).ConfigureAwait(false);
            var output = new StringBuilder();
            if (report.VolumesDeleted.Count > 0)
            {
                output.Append("Deleted Volumes:\n");
                foreach (var name in report.VolumesDeleted) output.Append(name).Append('\n');
                output.Append('\n');
            }
            output.Append("Total reclaimed space: ").Append(HumanUnits.Size(report.SpaceReclaimed)).Append('\n');
            await context.Out.WriteAsync(output.ToString()).ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
