using System.CommandLine;

namespace Berth.Cli.Commands.Build;

/// <summary><c>berth diff CONTAINER</c>: one <c>A|C|D /path</c> line per change, as docker prints them.</summary>
internal sealed class DiffCommand : Command
{
    private readonly Argument<string> _container = new("CONTAINER");

    public DiffCommand(CliContext context, string name = "diff") : base(name, "Inspect changes to files or directories on a container's filesystem")
    {
        Add(_container);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var changes = await client.Build.ChangesAsync(parseResult.GetValue(_container)!, token).ConfigureAwait(false);
            foreach (var change in changes)
            {
                var kind = change.Kind switch { 1 => 'A', 2 => 'D', _ => 'C' };
                await context.Out.WriteLineAsync($"{kind} {change.Path}").ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }
}
