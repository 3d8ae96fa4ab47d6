using System.CommandLine;
using Berth.Cli.Terminal;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth pull [--platform P] [-q] NAME[:TAG|@DIGEST]</c>, credentials from config.json.</summary>
internal sealed class PullCommand : Command
{
    private readonly Option<string?> _platform = new("--platform") { Description = "Set platform if server is multi-platform capable" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Suppress verbose output" };
    private readonly Argument<string> _name = new("NAME[:TAG|@DIGEST]");

    public PullCommand(CliContext context, string name = "pull") : base(name, "Download an image from a registry")
    {
        Add(_platform);
        Add(_quiet);
        Add(_name);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var image = parseResult.GetValue(_name)!;
            var (repository, tag) = SplitReference(image);
            if (tag is null && !image.Contains('@', StringComparison.Ordinal))
            {
                tag = "latest";
                if (!parseResult.GetValue(_quiet)) await context.Out.WriteLineAsync("Using default tag: latest").ConfigureAwait(false);
            }
            var auth = new CredentialStore(context).RegistryAuthFor(image);
            var quiet = parseResult.GetValue(_quiet);
            var view = new TransferProgressView(quiet ? TextWriter.Null : context.Out, !quiet && TerminalSession.IsTerminal(1), TerminalSession.Size(1)?.Width ?? 80);
            var error = await view.ShowAsync(client.Images.PullAsync(repository, tag, parseResult.GetValue(_platform), auth, token), token).ConfigureAwait(false);
            if (error is not null)
            {
                await context.Err.WriteLineAsync(error).ConfigureAwait(false);
                return 1;
            }
            await context.Out.WriteLineAsync(RegistryNames.FullName(image)).ConfigureAwait(false);
            return 0;
        }, ct));
    }

    /// <summary>(repository, tag or digest) as the API takes them: <c>fromImage=repo&amp;tag=t</c>.</summary>
    internal static (string Repository, string? Tag) SplitReference(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) return (image[..at], image[(at + 1)..]);
        var (repository, tag) = ImageRows.SplitTag(image);
        return (repository, tag == "<none>" ? null : tag);
    }
}
