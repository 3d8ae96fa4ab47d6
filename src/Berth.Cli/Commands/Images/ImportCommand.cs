using System.CommandLine;
using Berth.Client;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth import [-c CHANGE]… [-m MESSAGE] file|- [REPOSITORY[:TAG]]</c>: create an image from a rootfs tarball.</summary>
internal sealed class ImportCommand : Command
{
    private readonly Option<string[]> _change = new("--change", "-c") { Description = "Apply Dockerfile instruction to the created image" };
    private readonly Option<string?> _message = new("--message", "-m") { Description = "Set commit message for imported image" };
    private readonly Option<string?> _platform = new("--platform") { Description = "Set platform if server is multi-platform capable" };
    private readonly Argument<string> _file = new("file|-");
    private readonly Argument<string?> _reference = new("REPOSITORY[:TAG]") { Arity = ArgumentArity.ZeroOrOne };

    public ImportCommand(CliContext context, string name = "import") : base(name, "Import the contents from a tarball to create a filesystem image")
    {
        Add(_change);
        Add(_message);
        Add(_platform);
        Add(_file);
        Add(_reference);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var (repository, tag) = ImageRows.OptionalRepositoryAndTag(parseResult.GetValue(_reference));

            var file = parseResult.GetValue(_file)!;
            var source = file == "-" ? context.OpenStdin() : OpenFile(context, file);
            await using (source.ConfigureAwait(false))
            {
                var options = new ImageImportOptions
                {
                    Repository = repository,
                    Tag = tag,
                    Message = parseResult.GetValue(_message),
                    Changes = parseResult.GetValue(_change) ?? [],
                    Platform = parseResult.GetValue(_platform),
                };
                await foreach (var message in client.Images.ImportAsync(source, options, token).ConfigureAwait(false))
                {
                    if (!string.IsNullOrEmpty(message.Error) || message.ErrorDetail is not null)
                    {
                        await context.Err.WriteLineAsync(message.ErrorDetail?.Message ?? message.Error).ConfigureAwait(false);
                        return 1;
                    }
                    if (!string.IsNullOrEmpty(message.Stream))
                    {
                        await context.Out.WriteAsync(message.Stream).ConfigureAwait(false);
                    }
                    else if (!string.IsNullOrEmpty(message.Status))
                    {
                        await context.Out.WriteLineAsync(message.Status).ConfigureAwait(false);
                    }
                }
            }
            return 0;
        }, ct));
    }

    private static Stream OpenFile(CliContext context, string path)
    {
        try
        {
            return context.OpenFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"open {path}: {e.Message}", e);
        }
    }
}
