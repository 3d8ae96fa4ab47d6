using System.CommandLine;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth load [-i FILE] [-q]</c>: images from a (possibly compressed) tar archive or standard input.</summary>
internal sealed class LoadCommand : Command
{
    private readonly Option<string?> _input = new("--input", "-i") { Description = "Read from tar archive file, instead of STDIN" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Suppress the load output" };

    public LoadCommand(CliContext context) : base("load", "Load an image from a tar archive or STDIN")
    {
        Add(_input);
        Add(_quiet);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var input = parseResult.GetValue(_input);
            if (string.IsNullOrEmpty(input) && context.IsTerminal(0))
                throw new CliUsageException("requested load from stdin, but stdin is empty");
            var quiet = parseResult.GetValue(_quiet);
            var source = string.IsNullOrEmpty(input) ? context.OpenStdin() : OpenFile(context, input);
            await using (source.ConfigureAwait(false))
            {
                await foreach (var message in client.Images.LoadAsync(source, quiet, token).ConfigureAwait(false))
                {
                    if (!string.IsNullOrEmpty(message.Error) || message.ErrorDetail is not null)
                    {
                        await context.Err.WriteLineAsync(message.ErrorDetail?.Message ?? message.Error).ConfigureAwait(false);
                        return 1;
                    }
                    if (!string.IsNullOrEmpty(message.Stream)) await context.Out.WriteAsync(message.Stream).ConfigureAwait(false);
                    else if (!quiet && !string.IsNullOrEmpty(message.Status)) await context.Out.WriteLineAsync(message.Status).ConfigureAwait(false);
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
