using System.CommandLine;
using Berth.Cli.Terminal;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth push [-a] [-q] NAME[:TAG]</c>: without a tag pushes <c>latest</c>, with <c>-a</c> every tag.</summary>
internal sealed class PushCommand : Command
{
    private readonly Option<bool> _allTags = new("--all-tags", "-a") { Description = "Push all tags of an image to the repository" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Suppress verbose output" };
    private readonly Argument<string> _name = new("NAME[:TAG]");

    public PushCommand(CliContext context, string name = "push") : base(name, "Upload an image to a registry")
    {
        Add(_allTags);
        Add(_quiet);
        Add(_name);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var image = parseResult.GetValue(_name)!;
            var (repository, tag) = PullCommand.SplitReference(image);
            var quiet = parseResult.GetValue(_quiet);
            if (parseResult.GetValue(_allTags))
            {
                if (tag is not null) throw new CliUsageException("tag can't be used with --all-tags/-a");
            }
            else if (tag is null)
            {
                tag = "latest";
                if (!quiet) await context.Out.WriteLineAsync("Using default tag: latest").ConfigureAwait(false);
            }
            var auth = new CredentialStore(context).RegistryAuthFor(image);
            var view = new TransferProgressView(quiet ? TextWriter.Null : context.Out, !quiet && TerminalSession.IsTerminal(1), TerminalSession.Size(1)?.Width ?? 80);
            var error = await view.ShowAsync(client.Images.PushAsync(repository, tag, auth, token), token).ConfigureAwait(false);
            if (error is not null)
            {
                await context.Err.WriteLineAsync(error).ConfigureAwait(false);
                return 1;
            }
            if (quiet) await context.Out.WriteLineAsync(tag is null ? repository : $"{repository}:{tag}").ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
