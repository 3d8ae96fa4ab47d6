using System.CommandLine;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary><c>berth start [-a] [-i] CONTAINER...</c>; with <c>-a</c> it streams output and exits with the container's code.</summary>
internal sealed class StartCommand : Command
{
    private readonly Option<bool> _attach = new("--attach", "-a") { Description = "Attach STDOUT/STDERR and forward signals" };
    private readonly Option<bool> _interactive = new("--interactive", "-i") { Description = "Attach container's STDIN" };
    private readonly Option<string?> _detachKeys = new("--detach-keys") { Description = "Override the key sequence for detaching a container" };
    private readonly Argument<string[]> _containers = new("CONTAINER") { Arity = ArgumentArity.OneOrMore };

    public StartCommand(CliContext context, string name = "start") : base(name, "Start one or more stopped containers")
    {
        Add(_attach);
        Add(_interactive);
        Add(_detachKeys);
        Add(_containers);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var containers = parseResult.GetValue(_containers)!;
            var interactive = parseResult.GetValue(_interactive);
            if (!parseResult.GetValue(_attach) && !interactive)
            {
                return await CommandExecution.ForEachAsync(context, containers, id => client.Containers.StartAsync(id, token)).ConfigureAwait(false);
            }

            if (containers.Length > 1)
            {
                throw new CliUsageException("you cannot start and attach multiple containers at once");
            }

            var detachKeys = parseResult.GetValue(_detachKeys);
            if (AttachedRunOptions.Validate(detachKeys) is { } badKeys)
            {
                throw new CliUsageException(badKeys);
            }
            var container = await client.Containers.InspectAsync(containers[0], false, token).ConfigureAwait(false);
            var id = container.Id!;
            var options = new AttachedRunOptions(interactive && container.Config?.OpenStdin == true, container.Config?.Tty == true,
                container.HostConfig?.AutoRemove == true, ProxySignals: true, detachKeys);
            return await AttachedRun.RunAsync(context, client, id, options,
                async () =>
                {
                    try
                    {
                        await client.Containers.StartAsync(id, token).ConfigureAwait(false);
                        return null;
                    }
                    catch (BerthApiException e)
                    {
                        await context.Err.WriteLineAsync($"Error response from daemon: {e.Message}").ConfigureAwait(false);
                        return 1;
                    }
                }, token).ConfigureAwait(false);
        }, ct));
    }
}
