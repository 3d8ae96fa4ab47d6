using System.CommandLine;
using Berth.Client;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network rm NETWORK...</c>: prints each removed name; errors go to stderr and set exit 1.</summary>
internal sealed class NetworkRemoveCommand : Command
{
    private readonly Argument<string[]> _names = new("NETWORK") { Arity = ArgumentArity.OneOrMore };

    public NetworkRemoveCommand(CliContext context) : base("rm", "Remove one or more networks")
    {
        Aliases.Add("remove");
        Add(_names);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var failed = false;
            foreach (var name in parseResult.GetValue(_names)!)
            {
                try
                {
                    await client.Networks.RemoveAsync(name, token).ConfigureAwait(false);
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
