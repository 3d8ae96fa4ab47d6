using System.CommandLine;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth image inspect [-f FORMAT] IMAGE...</c>.</summary>
internal sealed class ImageInspectCommand : Command
{
    private readonly Option<string?> _format = new("--format", "-f") { Description = "Format output using a custom template" };
    private readonly Argument<string[]> _images = new("IMAGE") { Arity = ArgumentArity.OneOrMore };

    public ImageInspectCommand(CliContext context) : base("inspect", "Display detailed information on one or more images")
    {
        Add(_format);
        Add(_images);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, (client, token) =>
            InspectMany.RunAsync(context, parseResult.GetValue(_images)!, parseResult.GetValue(_format), client.Images.InspectRawAsync, token), ct));
    }
}
