using System.CommandLine;

namespace Berth.Cli.Commands.Volumes;

/// <summary><c>berth volume inspect [-f FORMAT] VOLUME...</c>.</summary>
internal sealed class VolumeInspectCommand : Command
{
    private readonly Option<string?> _format = new("--format", "-f") { Description = "Format output using a custom template" };
    private readonly Argument<string[]> _names = new("VOLUME") { Arity = ArgumentArity.OneOrMore };

    public VolumeInspectCommand(CliContext context) : base("inspect", "Display detailed information on one or more volumes")
    {
        Add(_format);
        Add(_names);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, (client, token) =>
            InspectMany.RunAsync(context, parseResult.GetValue(_names)!, parseResult.GetValue(_format), client.Volumes.InspectRawAsync, token), ct));
    }
}
