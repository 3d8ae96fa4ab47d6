using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Berth.Cli.Output;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// <c>berth stats [-a] [--no-stream] [--no-trunc] [--format] [CONTAINER...]</c>: live resource use, redrawn in
/// place once a second until ctrl-c. Without names it asks berthd for every container in one call (berth's bulk
/// extension <c>GET /containers/stats</c>); named containers are asked for one by one, in parallel.
/// </summary>
internal sealed class StatsCommand : Command
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private readonly Argument<string[]> _containers = new("CONTAINER") { Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _all = new("--all", "-a") { Description = "Show all containers (default shows just running)" };
    private readonly Option<bool> _noStream = new("--no-stream") { Description = "Disable streaming stats and only pull the first result" };
    private readonly Option<bool> _noTrunc = new("--no-trunc") { Description = "Do not truncate output" };
    private readonly Option<string?> _format = new("--format") { Description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template" };

    public StatsCommand(CliContext context, string name = "stats") : base(name, "Display a live stream of container(s) resource usage statistics")
    {
        Add(_containers);
        foreach (var option in (Option[])[_all, _noStream, _noTrunc, _format])
        {
            Add(option);
        }
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var names = parseResult.GetValue(_containers) ?? [];
            var all = parseResult.GetValue(_all);
            var truncate = !parseResult.GetValue(_noTrunc);
            var formatter = new ListFormatter(parseResult.GetValue(_format), StatsRows.DefaultFormat, StatsRows.Headers);
            if (parseResult.GetValue(_noStream))
            {
                var rows = await CollectAsync(client, names, all, truncate, token).ConfigureAwait(false);
                await context.Out.WriteAsync(formatter.Render(rows)).ConfigureAwait(false);
                return 0;
            }
            return await LiveAsync(context, formatter, token2 => CollectAsync(client, names, all, truncate, token2), token).ConfigureAwait(false);
        }, ct));
    }

    private static async Task<int> LiveAsync(CliContext context, ListFormatter formatter, Func<CancellationToken, Task<IReadOnlyList<JsonObject>>> collect, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        var first = true;
        try
        {
            while (true)
            {
                var rows = await collect(stop.Token).ConfigureAwait(false);
                await context.Out.WriteAsync(StatsScreen.Frame(formatter.Render(rows), first)).ConfigureAwait(false);
                await context.Out.FlushAsync(stop.Token).ConfigureAwait(false);
                first = false;
                await Task.Delay(RefreshInterval, context.Clock, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static async Task<IReadOnlyList<JsonObject>> CollectAsync(IBerthClient client, string[] names, bool all, bool truncate, CancellationToken cancellationToken)
    {
        if (names.Length == 0)
        {
            var every = await client.Containers.StatsAllAsync(all, cancellationToken).ConfigureAwait(false);
            return [.. every.Select(s => StatsRows.Build(s, HumanUnits.ShortId(s.Id ?? ""), truncate))];
        }
        var samples = await Task.WhenAll(names.Select(n => client.Containers.StatsAsync(n, oneShot: false, cancellationToken))).ConfigureAwait(false);
        return [.. samples.Select((s, i) => StatsRows.Build(s, names[i], truncate))];
    }
}
