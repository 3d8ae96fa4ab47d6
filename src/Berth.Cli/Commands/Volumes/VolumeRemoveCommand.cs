using System.CommandLine;
using Berth.Client;

namespace Berth.Cli.Commands.Volumes;

/// <summary><c>berth volume rm [-f] VOLUME...</c>: prints each removed name; any failure makes the exit code 1.</summary>
internal sealed class VolumeRemoveCommand : Command
{
    private readonly Option<bool> _force = new("--force", "-f") { Description = "Force the removal of one or more volumes" };
    private readonly Argument<string[]> _names = new("VOLUME") { Arity = ArgumentArity.OneOrMore };

    public VolumeRemoveCommand(CliContext context) : base("rm", "Remove one or more volumes")
    {
        Aliases.Add("remove");
        Add(_force);
        Add(_names);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var failed = false;
            foreach (var name in parseResult.GetValue(_names)!)
            {
                try
                {
                    await client.Volumes.RemoveAsync(name, parseResult.GetValue(_force), token).ConfigureAwait(false);
                    await context.Out.WriteLineAsync(name).ConfigureAwait(false);
                }
                catch (BerthApiException e)
                {
                    failed = true;
                    await context.Err.WriteLineAsync($"Error response from daemon: {e.Message}").ConfigureAwait(false);
                }
            }
            return failed ? 1 : 0;
        }, ct));
    }
}
