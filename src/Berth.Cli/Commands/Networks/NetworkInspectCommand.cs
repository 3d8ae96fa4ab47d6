using System.CommandLine;
using System.Text.Json;
using Berth.Client;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network inspect [-f FORMAT] NETWORK...</c>.</summary>
internal sealed class NetworkInspectCommand : Command
{
    private readonly Option<string?> _format = new("--format", "-f") { Description = "Format output using a custom template" };
    private readonly Argument<string[]> _names = new("NETWORK") { Arity = ArgumentArity.OneOrMore };

    public NetworkInspectCommand(CliContext context) : base("inspect", "Display detailed information on one or more networks")
    {
        Add(_format);
        Add(_names);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var found = new List<JsonElement>();
            var failed = false;
            foreach (var name in parseResult.GetValue(_names)!)
            {
                try
                {
                    found.Add(await client.Networks.InspectRawAsync(name, token).ConfigureAwait(false));
                }
                catch (BerthApiException e) when (e.IsNotFound)
                {
                    failed = true;
                    await context.Err.WriteLineAsync($"Error response from daemon: {e.Message}").ConfigureAwait(false);
                }
            }
            await context.Out.WriteAsync(InspectFormatter.Render(found, parseResult.GetValue(_format))).ConfigureAwait(false);
            return failed ? 1 : 0;
        }, ct));
    }
}
