using System.CommandLine;

namespace Berth.Cli.Commands.Containers;

/// <summary><c>berth container inspect [-f FORMAT] [-s] CONTAINER...</c>.</summary>
internal sealed class ContainerInspectCommand : Command
{
    private readonly Option<string?> _format = new("--format", "-f") { Description = "Format output using a custom template" };
    private readonly Option<bool> _size = new("--size", "-s") { Description = "Display total file sizes" };
    private readonly Argument<string[]> _containers = new("CONTAINER") { Arity = ArgumentArity.OneOrMore };

    public ContainerInspectCommand(CliContext context) : base("inspect", "Display detailed information on one or more containers")
    {
        Add(_format);
        Add(_size);
        Add(_containers);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, (client, token) =>
            InspectMany.RunAsync(context, parseResult.GetValue(_containers)!, parseResult.GetValue(_format), (name, token) => client.Containers.InspectRawAsync(name, parseResult.GetValue(_size), token), token), ct));
    }
}
