using System.CommandLine;
using Berth.Cli.Terminal;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// <c>berth attach [--no-stdin] [--detach-keys KEYS] [--sig-proxy] CONTAINER</c>, as docker's: attaches stdin
/// (unless --no-stdin or the container has no open stdin), stdout and stderr to a running container; exits with
/// the container's code when it stops. Detaching (ctrl-p ctrl-q with -it containers) prints
/// <c>read escape sequence</c> and exits 1, as the docker CLI does; the container keeps running.
/// </summary>
internal sealed class AttachCommand : Command
{
    private readonly Option<bool> _noStdin = new("--no-stdin") { Description = "Do not attach STDIN" };
    private readonly Option<string?> _detachKeys = new("--detach-keys") { Description = "Override the key sequence for detaching a container" };
    private readonly Option<bool> _sigProxy = new("--sig-proxy") { Description = "Proxy all received signals to the process", DefaultValueFactory = _ => true };
    private readonly Argument<string> _container = new("CONTAINER");

    public AttachCommand(CliContext context, string name = "attach") : base(name, "Attach local standard input, output, and error streams to a running container")
    {
        Add(_noStdin);
        Add(_detachKeys);
        Add(_sigProxy);
        Add(_container);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var detachKeys = parseResult.GetValue(_detachKeys);
            if (AttachedRunOptions.Validate(detachKeys) is { } badKeys)
            {
                throw new CliUsageException(badKeys);
            }
            var container = await client.Containers.InspectAsync(parseResult.GetValue(_container)!, false, token).ConfigureAwait(false);
            var id = container.Id!;
            if (container.State?.Running != true)
            {
                throw new CliUsageException("You cannot attach to a stopped container, start it first");
            }
            if (container.State.Paused == true)
            {
                throw new CliUsageException("You cannot attach to a paused container, unpause it first");
            }
            var tty = container.Config?.Tty == true;
            var stdin = !parseResult.GetValue(_noStdin) && container.Config?.OpenStdin == true;
            if (stdin && tty && !TerminalSession.IsTerminal(0))
            {
                throw new CliUsageException("the input device is not a TTY");
            }

            var options = new AttachedRunOptions(stdin, tty, AutoRemove: false, ProxySignals: parseResult.GetValue(_sigProxy) && !tty, detachKeys);
            var attach = await client.Containers.AttachAsync(id, new ContainerAttachOptions { Stdin = stdin, DetachKeys = detachKeys }, token).ConfigureAwait(false);
            await using (attach.ConfigureAwait(false))
            {
                var waiter = await client.Containers.BeginWaitAsync(id, "not-running", token).ConfigureAwait(false);
                if (await AttachedRun.PumpAsync(context, client, id, attach, options, resizeNudge: true, token).ConfigureAwait(false))
                {
                    await context.Err.WriteLineAsync("read escape sequence").ConfigureAwait(false);
                    return 1;
                }
                var result = await waiter.Result.ConfigureAwait(false);
                if (!string.IsNullOrEmpty(result.Error?.Message))
                {
                    await context.Err.WriteLineAsync(result.Error.Message).ConfigureAwait(false);
                    return 1;
                }
                return (int)result.StatusCode;
            }
        }, ct));
    }
}
