using System.CommandLine;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network prune [-f] [--filter]</c>: removes user networks without endpoints.</summary>
internal sealed class NetworkPruneCommand : Command
{
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Do not prompt for confirmation" };
    private readonly Option<string[]> _filter = new("--filter") { Description = "Provide filter values (e.g. \"label=<key>=<value>\")" };

    public NetworkPruneCommand(CliContext context) : base("prune", "Remove all unused networks")
    {
        Add(_force);
        Add(_filter);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            if (!parseResult.GetValue(_force)
                && !await PruneConfirmation.AskAsync(context, "WARNING! This will remove all custom networks not used by at least one container.", token).ConfigureAwait(false))
                return 0;
            var response = await client.Networks.PruneAsync(FilterFlags.Parse(parseResult.GetValue(_filter)), token).ConfigureAwait(false);
            if (response.NetworksDeleted is { Count: > 0 } deleted)
            {
                await context.Out.WriteLineAsync("Deleted Networks:").ConfigureAwait(false);
                foreach (var name in deleted) await context.Out.WriteLineAsync(name).ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }
}
