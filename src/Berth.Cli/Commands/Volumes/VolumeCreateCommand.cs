using System.CommandLine;
using Berth.Api;

namespace Berth.Cli.Commands.Volumes;

/// <summary><c>berth volume create [-d DRIVER] [-o OPT]… [--label L]… [NAME]</c>: prints the volume's name.</summary>
internal sealed class VolumeCreateCommand : Command
{
    private readonly Option<string?> _driver = new("--driver", "-d") { Description = "Specify volume driver name" };
    private readonly Option<string[]> _options = new("--opt", "-o") { Description = "Set driver specific options" };
    private readonly Option<string[]> _labels = new("--label") { Description = "Set metadata for a volume" };
    private readonly Argument<string?> _name = new("VOLUME") { Arity = ArgumentArity.ZeroOrOne };

    public VolumeCreateCommand(CliContext context) : base("create", "Create a volume")
    {
        Add(_driver);
        Add(_options);
        Add(_labels);
        Add(_name);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var request = new VolumeCreateOptions
            {
                Name = parseResult.GetValue(_name),
                Driver = parseResult.GetValue(_driver),
                DriverOpts = KeyValues(parseResult.GetValue(_options)),
                Labels = KeyValues(parseResult.GetValue(_labels)),
            };
            var volume = await client.Volumes.CreateAsync(request, token).ConfigureAwait(false);
            await context.Out.WriteLineAsync(volume.Name).ConfigureAwait(false);
            return 0;
        }, ct));
    }

    private static Dictionary<string, string>? KeyValues(string[]? values)
    {
        if (values is not { Length: > 0 }) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            result[parts[0]] = parts.Length == 2 ? parts[1] : "";
        }
        return result;
    }
}
