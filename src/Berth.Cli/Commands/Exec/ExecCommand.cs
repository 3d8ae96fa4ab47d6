using System.CommandLine;
using Berth.Api;
using Berth.Cli.Commands.Containers;
using Berth.Cli.Terminal;
using Berth.Client;

namespace Berth.Cli.Commands.Exec;

/// <summary>
/// <c>berth exec [OPTIONS] CONTAINER COMMAND [ARG...]</c> in the docker CLI's order: create the exec, start it
/// (detached, or hijacked with the streams), then inspect it and exit with the process's exit code. With -it the
/// terminal is raw and follows resizes; ctrl-p ctrl-q (or --detach-keys) leaves the process running.
/// </summary>
internal sealed class ExecCommand : Command, IStopsAtFirstArgument
{
    private readonly Option<bool> _detach = new("--detach", "-d") { Description = "Detached mode: run command in the background" };
    private readonly Option<string> _detachKeys = new("--detach-keys") { Description = "Override the key sequence for detaching a container" };
    private readonly Option<string[]> _env = new("--env", "-e") { Description = "Set environment variables" };
    private readonly Option<string[]> _envFile = new("--env-file") { Description = "Read in a file of environment variables" };
    private readonly Option<bool> _interactive = new("--interactive", "-i") { Description = "Keep STDIN open even if not attached" };
    private readonly Option<bool> _privileged = new("--privileged") { Description = "Give extended privileges to the command" };
    private readonly Option<bool> _tty = new("--tty", "-t") { Description = "Allocate a pseudo-TTY" };
    private readonly Option<string> _user = new("--user", "-u") { Description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")" };
    private readonly Option<string> _workdir = new("--workdir", "-w") { Description = "Working directory inside the container" };
    private readonly Argument<string> _container = new("CONTAINER");
    private readonly Argument<string[]> _command = new("COMMAND") { Arity = ArgumentArity.OneOrMore };

    public ExecCommand(CliContext context, string name = "exec") : base(name, "Execute a command in a running container")
    {
        foreach (var option in (Option[])[_detach, _detachKeys, _env, _envFile, _interactive, _privileged, _tty, _user, _workdir]) Add(option);
        Add(_container);
        Add(_command);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var detach = parseResult.GetValue(_detach);
            var interactive = parseResult.GetValue(_interactive);
            var tty = parseResult.GetValue(_tty);
            var detachKeys = parseResult.GetValue(_detachKeys);
            if (!string.IsNullOrEmpty(detachKeys) && !DetachKeys.TryParse(detachKeys, out _, out var keyError))
                throw new CliUsageException($"Invalid detach keys ({detachKeys}) provided: {keyError}");
            if (!detach && interactive && tty && !TerminalSession.IsTerminal(0))
                throw new CliUsageException("the input device is not a TTY");

            var config = new ExecConfig
            {
                Cmd = [.. parseResult.GetValue(_command) ?? []],
                Env = ExecEnvironment.Read(parseResult.GetValue(_envFile) ?? [], parseResult.GetValue(_env) ?? [], context.Environment, context.ReadAllLines),
                WorkingDir = parseResult.GetValue(_workdir),
                User = parseResult.GetValue(_user),
                Privileged = parseResult.GetValue(_privileged),
                Tty = tty,
                AttachStdin = !detach && interactive,
                AttachStdout = !detach,
                AttachStderr = !detach,
                DetachKeys = detachKeys,
                ConsoleSize = tty && TerminalSession.Size(1) is { } size ? [size.Height, size.Width] : null,
            };
            var container = parseResult.GetValue(_container)!;
            var start = new ExecStartConfig { Detach = detach, Tty = tty, ConsoleSize = config.ConsoleSize };
            if (detach || !(interactive || tty))
            {
                return RunBlocking(context, client, container, config, start);
            }
            var id = await client.Exec.CreateAsync(container, config, token).ConfigureAwait(false);
            return await RunAttachedAsync(context, client, id, start, interactive, detachKeys, token).ConfigureAwait(false);
        }, ct));
    }

    /// <summary>
    /// Without stdin or a TTY, exec is three requests and a stream to copy: all done on this thread (the client's
    /// blocking calls), so the run never starts the thread pool, which would cost more than the requests.
    /// </summary>
    private static int RunBlocking(CliContext context, IBerthClient client, string container, ExecConfig config, ExecStartConfig start)
    {
        var id = client.Exec.Create(container, config);
        if (start.Detach)
        {
            client.Exec.StartDetached(id, start);
            return 0;
        }
        using (var stream = client.Exec.StartAttached(id, start))
        {
            HijackedIo.CopyOutput(stream, context.StdoutStream, context.StderrStream);
        }
        return client.Exec.Inspect(id).ExitCode ?? 0;
    }

    private static async Task<int> RunAttachedAsync(CliContext context, IBerthClient client, string id, ExecStartConfig start,
        bool interactive, string? detachKeys, CancellationToken cancellationToken)
    {
        var stream = await client.Exec.StartAttachedAsync(id, start, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var keys = string.IsNullOrEmpty(detachKeys) ? DetachKeys.Default : DetachKeys.Parse(detachKeys);
            var detached = await AttachedTerminal.RunAsync(context, stream, interactive, start.Tty, keys,
                (h, w) => client.Exec.ResizeAsync(id, h, w, CancellationToken.None), resizeNudge: false, cancellationToken).ConfigureAwait(false);
            if (detached) return 0;
        }
        var inspect = await client.Exec.InspectAsync(id, cancellationToken).ConfigureAwait(false);
        return inspect.ExitCode ?? 0;
    }
}
