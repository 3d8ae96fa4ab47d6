using System.CommandLine;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Build;

/// <summary><c>berth builder prune [-f]</c>: forgets the build cache.</summary>
internal sealed class BuilderPruneCommand : Command
{
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Do not prompt for confirmation" };

    public BuilderPruneCommand(CliContext context) : base("prune", "Remove build cache")
    {
        Add(_force);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            if (!parseResult.GetValue(_force)
                && !await PruneConfirmation.AskAsync(context, "WARNING! This will remove all dangling build cache.", token).ConfigureAwait(false))
            {
                return 0;
            }
            var report = await client.Build.PruneAsync(token).ConfigureAwait(false);
            var deleted = report.CachesDeleted?.Count ?? 0;
            await context.Out.WriteAsync($"Deleted build cache objects: {deleted}\nTotal reclaimed space: {HumanUnits.Size(report.SpaceReclaimed)}\n").ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
