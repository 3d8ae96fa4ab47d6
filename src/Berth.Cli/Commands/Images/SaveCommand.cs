using System.CommandLine;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth save [-o FILE] IMAGE…</c>: images to a tar (docker-archive and OCI layout in one).</summary>
internal sealed class SaveCommand : Command
{
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to a file, instead of STDOUT" };
    private readonly Argument<string[]> _images = new("IMAGE") { Arity = ArgumentArity.OneOrMore };

    public SaveCommand(CliContext context) : base("save", "Save one or more images to a tar archive (streamed to STDOUT by default)")
    {
        Add(_output);
        Add(_images);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var output = parseResult.GetValue(_output);
            ArchiveOutput.Check(context, output);
            var archive = await client.Images.SaveAsync(parseResult.GetValue(_images)!, token).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                await ArchiveOutput.WriteAsync(context, archive, output, token).ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }
}
