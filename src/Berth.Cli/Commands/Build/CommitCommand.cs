using System.CommandLine;
using Berth.Cli.Commands.Images;
using Berth.Client;

namespace Berth.Cli.Commands.Build;

/// <summary><c>berth commit [-a AUTHOR] [-m MESSAGE] [-c CHANGE]… [-p] CONTAINER [REPOSITORY[:TAG]]</c>: prints the new image ID.</summary>
internal sealed class CommitCommand : Command
{
    private readonly Option<string?> _author = new("--author", "-a") { Description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")" };
    private readonly Option<string[]> _change = new("--change", "-c") { Description = "Apply Dockerfile instruction to the created image" };
    private readonly Option<string?> _message = new("--message", "-m") { Description = "Commit message" };
    private readonly Option<bool> _pause = new("--pause", "-p") { Description = "Pause container during commit", DefaultValueFactory = _ => true };
    private readonly Argument<string> _container = new("CONTAINER");
    private readonly Argument<string?> _reference = new("REPOSITORY[:TAG]") { Arity = ArgumentArity.ZeroOrOne };

    public CommitCommand(CliContext context, string name = "commit") : base(name, "Create a new image from a container's changes")
    {
        Add(_author);
        Add(_change);
        Add(_message);
        Add(_pause);
        Add(_container);
        Add(_reference);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var (repository, tag) = ImageRows.OptionalRepositoryAndTag(parseResult.GetValue(_reference));
            var id = await client.Build.CommitAsync(parseResult.GetValue(_container)!, new CommitOptions
            {
                Repository = repository,
                Tag = tag,
                Author = parseResult.GetValue(_author),
                Comment = parseResult.GetValue(_message),
                Changes = parseResult.GetValue(_change) ?? [],
                Pause = parseResult.GetValue(_pause),
            }, token).ConfigureAwait(false);
            await context.Out.WriteLineAsync(id).ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
