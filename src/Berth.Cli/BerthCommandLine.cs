using System.CommandLine;
using System.CommandLine.Help;
using Berth.Cli.Commands;
using Berth.Cli.Commands.Build;
using Berth.Cli.Commands.Containers;
using Berth.Cli.Commands.Daemon;
using Berth.Cli.Commands.Exec;
using Berth.Cli.Commands.Images;
using Berth.Cli.Commands.Registry;

namespace Berth.Cli;

/// <summary>The <c>berth</c> command tree (docker's verbs, management commands and top-level aliases) and its entry point.</summary>
public static class BerthCommandLine
{
    private const string Description = "A self-sufficient runtime for containers (Docker-compatible)";

    /// <summary>
    /// The command tree for <paramref name="args"/>. Help (<c>-h</c>, <c>--help</c>, no command, or every command
    /// for null args) gets a <see cref="RootCommand"/> with the recursive help option; any other invocation gets a
    /// plain root without it: creating System.CommandLine's help option loads its localized resources through
    /// reflection, which was a tenth of a short command's start-up. Parse errors are re-parsed with the full root
    /// (<see cref="RunAsync"/>), so their messages are the same.
    /// </summary>
    public static Command Build(CliContext context, IReadOnlyList<string>? args = null, bool withHelp = false)
    {
        var wanted = CommandName(args);
        var root = withHelp || wanted is null || args!.Any(IsHelpToken) ? HelpRoot() : new Command("berth", Description);
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

        // Only the command being run is built (each builds its whole option tree); help and unknown names get all.
        var known = wanted is not null && TopLevel.Any(e => e.Name == wanted);
        foreach (var (name, create) in TopLevel)
        {
            if (!known || name == wanted) root.Subcommands.Add(create(context));
        }
        return root;
    }

    private static RootCommand HelpRoot()
    {
        var root = new RootCommand(Description);
        foreach (var option in root.Options.Where(o => o is HelpOption or VersionOption).ToList())
        {
            root.Options.Remove(option);
        }
        // As in docker, -h is help except where a command defines its own -h (run/create --hostname wins there).
        root.Options.Add(new HelpOption("--help", "-h") { Recursive = true });
        return root;
    }

    private static bool IsHelpToken(string arg) => arg is "-h" or "--help" or "-?" or "/?" or "/h";

    /// <summary>Top-level verbs (docker's short forms) and management groups, by the name that selects them.</summary>
    private static readonly (string Name, Func<CliContext, Command> Create)[] TopLevel =
    [
        ("run", c => new RunCommand(c)),
        ("create", c => new CreateCommand(c)),
        ("ps", c => new ListCommand(c, "ps")),
        ("start", c => new StartCommand(c)),
        ("attach", c => new AttachCommand(c)),
        ("stop", c => new StopCommand(c)),
        ("restart", c => new RestartCommand(c)),
        ("kill", c => new KillCommand(c)),
        ("pause", c => new PauseCommand(c)),
        ("unpause", c => new UnpauseCommand(c)),
        ("top", c => new TopCommand(c)),
        ("stats", c => new StatsCommand(c)),
        ("update", c => new UpdateCommand(c)),
        ("exec", c => new ExecCommand(c)),
        ("wait", c => new WaitCommand(c)),
        ("rm", c => new RemoveCommand(c, "rm")),
        ("rename", c => new RenameCommand(c)),
        ("logs", c => new LogsCommand(c)),
        ("port", c => new PortCommand(c)),
        ("images", c => new ImagesCommand(c, "images")),
        ("rmi", c => new RemoveImageCommand(c, "rmi")),
        ("tag", c => new TagCommand(c)),
        ("history", c => new HistoryCommand(c)),
        ("import", c => new ImportCommand(c)),
        ("build", c => new BuildCommand(c)),
        ("commit", c => new CommitCommand(c)),
        ("builder", c => new Command("builder", "Manage builds") { Subcommands = { new BuilderPruneCommand(c) } }),
        ("diff", c => new DiffCommand(c)),
        ("pull", c => new PullCommand(c)),
        ("push", c => new PushCommand(c)),
        ("login", c => new LoginCommand(c)),
        ("logout", c => new LogoutCommand(c)),
        ("search", c => new SearchCommand(c)),
        ("inspect", c => new InspectCommand(c)),
        ("version", c => new VersionCommand(c)),
        ("info", c => new InfoCommand(c)),
        ("events", c => new EventsCommand(c)),
        ("container", ContainerGroup),
        ("image", ImageGroup),
        ("system", SystemGroup),
        ("volume", Commands.Volumes.VolumeGroup.Create),
        ("network", Commands.Networks.NetworkGroup.Create),
        ("registry", c => new RegistryCommand(c)),
        ("save", c => new SaveCommand(c)),
        ("load", c => new LoadCommand(c)),
        ("export", c => new ExportCommand(c)),
        ("cp", c => new Commands.Copy.CpCommand(c)),
    ];

    /// <summary>
    /// The first argument that is not an option (or an option's value): the top-level command to build. Null when
    /// there is none (<c>berth --help</c>).
    /// </summary>
    internal static string? CommandName(IReadOnlyList<string>? args)
    {
        if (args is null) return null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--") return null;
            if (arg is "-H" or "--host")
            {
                i++;
                continue;
            }
            if (arg.StartsWith('-')) continue;
            return arg;
        }
        return null;
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
            new ExecCommand(context), new ExportCommand(context), new Commands.Copy.CpCommand(context)])
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
            new ImageInspectCommand(context), new ImagePruneCommand(context), new SaveCommand(context), new LoadCommand(context),
            new PullCommand(context), new PushCommand(context)])
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
        group.Subcommands.Add(new SystemDfCommand(context));
        group.Subcommands.Add(new SystemPruneCommand(context));
        return group;
    }

    private static ParseResult Parse(Command root, IReadOnlyList<string> args) =>
        root.Parse(ArgumentNormalizer.Normalize(root, args), new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var root = Build(context, args);
        var parseResult = Parse(root, args);
        if (parseResult.Errors.Count > 0 && root is not RootCommand)
        {
            root = Build(context, args, withHelp: true);
            parseResult = Parse(root, args);
        }
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
