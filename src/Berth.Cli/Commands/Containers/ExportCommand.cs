using System.CommandLine;

namespace Berth.Cli.Commands.Containers;

/// <summary><c>berth export [-o FILE] CONTAINER</c>: a container's file system as a tar.</summary>
internal sealed class ExportCommand : Command
{
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to a file, instead of STDOUT" };
    private readonly Argument<string> _container = new("CONTAINER");

    public ExportCommand(CliContext context) : base("export", "Export a container's filesystem as a tar archive")
    {
        Add(_output);
        Add(_container);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var output = parseResult.GetValue(_output);
            ArchiveOutput.Check(context, output);
            var archive = await client.Containers.ExportAsync(parseResult.GetValue(_container)!, token).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                await ArchiveOutput.WriteAsync(context, archive, output, token).ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }
}
