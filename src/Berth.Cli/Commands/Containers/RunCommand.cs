using System.CommandLine;
using Berth.Cli.Terminal;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// <c>berth run [OPTIONS] IMAGE [COMMAND] [ARG...]</c>. With <c>-d</c>: create, start, print the ID. Without:
/// create → attach → wait → start → stream → exit with the container's code (125 daemon/CLI error,
/// 126 not executable, 127 command not found).
/// </summary>
internal sealed class RunCommand : Command, IStopsAtFirstArgument
{
    private readonly ContainerCreateOptions _options = new();

    /// <summary>The shared create/run flags (tests read parse results through them).</summary>
    internal ContainerCreateOptions CreateOptions => _options;
    internal Option<bool> Detach => _detach;

    private readonly Option<bool> _detach = new("--detach", "-d") { Description = "Run container in background and print container ID" };
    private readonly Option<bool> _sigProxy = new("--sig-proxy") { Description = "Proxy received signals to the process", DefaultValueFactory = _ => true };
    private readonly Option<string?> _detachKeys = new("--detach-keys") { Description = "Override the key sequence for detaching a container" };

    public RunCommand(CliContext context, string name = "run") : base(name, "Create and run a new container from an image")
    {
        Add(_detach);
        Add(_sigProxy);
        Add(_detachKeys);
        _options.AddTo(this);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var detach = parseResult.GetValue(_detach);
            var settings = _options.Read(parseResult, detach);
            var detachKeys = parseResult.GetValue(_detachKeys);
            if (!detach && AttachedRunOptions.Validate(detachKeys) is { } badKeys)
            {
                await context.Err.WriteLineAsync(badKeys).ConfigureAwait(false);
                return 1;
            }
            if (!detach && settings.Tty && settings.Interactive && !TerminalSession.IsTerminal(0))
            {
                await context.Err.WriteLineAsync("the input device is not a TTY").ConfigureAwait(false);
                return 1;
            }
            var request = ContainerRequestBuilder.Build(settings, context.Environment, context.ReadAllLines);
            if (settings.Tty && TerminalSession.Size() is { } size && request.HostConfig is { } hostConfig)
            {
                hostConfig.ConsoleSize = [size.Height, size.Width]; // as the docker CLI: the first prompt has the right size
            }
            var created = await ContainerCreation.CreateAsync(context, client, request, settings, token).ConfigureAwait(false);
            var id = created.Id!;

            if (detach)
            {
                if (await StartAsync(context, client, id, token).ConfigureAwait(false) is { } failure)
                {
                    return failure;
                }
                await context.Out.WriteLineAsync(id).ConfigureAwait(false);
                return 0;
            }

            var options = new AttachedRunOptions(settings.Interactive, settings.Tty, settings.AutoRemove, parseResult.GetValue(_sigProxy), detachKeys);
            var exitCode = await AttachedRun.RunAsync(context, client, id, options, () => StartAsync(context, client, id, token), token).ConfigureAwait(false);
            return exitCode;
        }, ct, CommandExecution.RunFailure, "berth: "));
    }

    /// <summary>Starts the container; on failure prints docker's message and returns the exit code to use.</summary>
    private static async Task<int?> StartAsync(CliContext context, IBerthClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.StartAsync(id, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (BerthApiException e)
        {
            await context.Err.WriteLineAsync($"berth: Error response from daemon: {e.Message}").ConfigureAwait(false);
            return StartFailureExitCode(e.Message);
        }
    }

    /// <summary>docker's mapping of start errors to exit codes.</summary>
    public static int StartFailureExitCode(string message)
    {
        if (message.Contains("executable file not found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase)
            || message.Contains("system cannot find the file specified", StringComparison.OrdinalIgnoreCase))
        {
            return 127;
        }
        if (message.Contains("permission denied", StringComparison.OrdinalIgnoreCase))
        {
            return 126;
        }
        return CommandExecution.RunFailure;
    }
}
