using System.CommandLine;
using System.CommandLine.Help;
using Berth.Cli.Commands;
using Berth.Cli.Commands.Containers;
using Berth.Cli.Commands.Daemon;
using Berth.Cli.Commands.Exec;
using Berth.Cli.Commands.Images;

namespace Berth.Cli;

/// <summary>The <c>berth</c> command tree (docker's verbs, management commands and top-level aliases) and its entry point.</summary>
public static class BerthCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("A self-sufficient runtime for containers (Docker-compatible)");
        foreach (var option in root.Options.Where(o => o is HelpOption or VersionOption).ToList())
        {
            root.Options.Remove(option);
        }
        // As in docker, -h is help except where a command defines its own -h (run/create --hostname wins there).
        root.Options.Add(new HelpOption("--help", "-h") { Recursive = true });
        root.Options.Add(GlobalOptions.Host);
        var version = new Option<bool>("--version", "-v") { Description = "Print version information and quit" };
        root.Options.Add(version);
        root.SetAction(async (parseResult, ct) =>
        {
            if (parseResult.GetValue(version))
            {
                await context.Out.WriteLineAsync($"Berth version {CliVersion.Version}").ConfigureAwait(false);
                return 0;
            }
            new HelpAction().Invoke(parseResult);
            return 0;
        });

        // Top-level verbs (docker's short forms).
        root.Subcommands.Add(new RunCommand(context));
        root.Subcommands.Add(new CreateCommand(context));
        root.Subcommands.Add(new ListCommand(context, "ps"));
        root.Subcommands.Add(new StartCommand(context));
        root.Subcommands.Add(new AttachCommand(context));
        root.Subcommands.Add(new StopCommand(context));
        root.Subcommands.Add(new RestartCommand(context));
        root.Subcommands.Add(new KillCommand(context));
        root.Subcommands.Add(new PauseCommand(context));
        root.Subcommands.Add(new UnpauseCommand(context));
        root.Subcommands.Add(new TopCommand(context));
        root.Subcommands.Add(new StatsCommand(context));
        root.Subcommands.Add(new UpdateCommand(context));
        root.Subcommands.Add(new ExecCommand(context));
        root.Subcommands.Add(new WaitCommand(context));
        root.Subcommands.Add(new RemoveCommand(context, "rm"));
        root.Subcommands.Add(new RenameCommand(context));
        root.Subcommands.Add(new LogsCommand(context));
        root.Subcommands.Add(new PortCommand(context));
        root.Subcommands.Add(new ImagesCommand(context, "images"));
        root.Subcommands.Add(new RemoveImageCommand(context, "rmi"));
        root.Subcommands.Add(new TagCommand(context));
        root.Subcommands.Add(new HistoryCommand(context));
        root.Subcommands.Add(new ImportCommand(context));
        root.Subcommands.Add(new PullCommand(context));
        root.Subcommands.Add(new PushCommand(context));
        root.Subcommands.Add(new LoginCommand(context));
        root.Subcommands.Add(new LogoutCommand(context));
        root.Subcommands.Add(new SearchCommand(context));
        root.Subcommands.Add(new InspectCommand(context));
        root.Subcommands.Add(new VersionCommand(context));
        root.Subcommands.Add(new InfoCommand(context));
        root.Subcommands.Add(new EventsCommand(context));

        root.Subcommands.Add(ContainerGroup(context));
        root.Subcommands.Add(ImageGroup(context));
        root.Subcommands.Add(SystemGroup(context));
        return root;
    }

    private static Command ContainerGroup(CliContext context)
    {
        var group = new Command("container", "Manage containers");
        var list = new ListCommand(context, "ls");
        list.Aliases.Add("ps");
        list.Aliases.Add("list");
        var remove = new RemoveCommand(context, "rm");
        remove.Aliases.Add("remove");
        foreach (var command in (Command[])[
            new CreateCommand(context), new RunCommand(context), list, new StartCommand(context), new StopCommand(context),
            new RestartCommand(context), new KillCommand(context), new WaitCommand(context), remove, new RenameCommand(context),
            new LogsCommand(context), new PortCommand(context), new ContainerPruneCommand(context), new ContainerInspectCommand(context),
            new PauseCommand(context), new UnpauseCommand(context), new TopCommand(context), new StatsCommand(context),
            new UpdateCommand(context), new AttachCommand(context),
            new ExecCommand(context)])
        {
            group.Subcommands.Add(command);
        }
        return group;
    }

    private static Command ImageGroup(CliContext context)
    {
        var group = new Command("image", "Manage images");
        var list = new ImagesCommand(context, "ls");
        list.Aliases.Add("list");
        var remove = new RemoveImageCommand(context, "rm");
        remove.Aliases.Add("rmi");
        remove.Aliases.Add("remove");
        foreach (var command in (Command[])[
            list, remove, new TagCommand(context), new HistoryCommand(context), new ImportCommand(context),
            new ImageInspectCommand(context), new ImagePruneCommand(context), new PullCommand(context), new PushCommand(context)])
        {
            group.Subcommands.Add(command);
        }
        return group;
    }

    private static Command SystemGroup(CliContext context)
    {
        var group = new Command("system", "Manage berth");
        group.Subcommands.Add(new InfoCommand(context));
        group.Subcommands.Add(new EventsCommand(context));
        return group;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var root = Build(context);
        var parseResult = root.Parse(ArgumentNormalizer.Normalize(root, args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0 && parseResult.CommandResult.Command is IStopsAtFirstArgument && parseResult.Action is not HelpAction)
        {
            // docker run/create report flag errors with exit code 125.
            foreach (var error in parseResult.Errors)
            {
                await context.Err.WriteLineAsync("berth: " + error.Message).ConfigureAwait(false);
            }
            await context.Err.WriteLineAsync($"See 'berth {parseResult.CommandResult.Command.Name} --help'.").ConfigureAwait(false);
            return CommandExecution.RunFailure;
        }
        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Err,
            // Signals are ours: run/start -a forward them to the container.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
