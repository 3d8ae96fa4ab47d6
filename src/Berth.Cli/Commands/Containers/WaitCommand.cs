using System.CommandLine;
using System.Globalization;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// <c>berth wait [--condition not-running|next-exit|removed] CONTAINER...</c>: block until each reaches the
/// condition (default not-running: it stops), then print its exit code. <c>--condition</c> is a berth
/// extension of the CLI; the daemon validates it (<c>invalid condition: "x"</c>, as dockerd).
/// </summary>
internal sealed class WaitCommand : Command
{
    private readonly Argument<string[]> _containers = new("CONTAINER") { Arity = ArgumentArity.OneOrMore };
    private readonly Option<string?> _condition = new("--condition")
    {
        Description = "Wait until the container is not-running (default), or its next-exit, or it is removed",
    };

    public WaitCommand(CliContext context, string name = "wait") : base(name, "Block until one or more containers stop, then print their exit codes")
    {
        Add(_containers);
        Add(_condition);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, (client, token) =>
            CommandExecution.ForEachAsync(context, parseResult.GetValue(_containers)!, async id =>
            {
                var result = await client.Containers.WaitAsync(id, parseResult.GetValue(_condition), token).ConfigureAwait(false);
                await context.Out.WriteLineAsync(result.StatusCode.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }, printNames: false), ct));
    }
}
