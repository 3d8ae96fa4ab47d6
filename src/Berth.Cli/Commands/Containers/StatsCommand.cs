using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Berth.Api;
using Berth.Cli.Output;
using Berth.Client;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// <c>berth stats [-a] [--no-stream] [--no-trunc] [--format] [CONTAINER...]</c>: live resource use, redrawn in
/// place once a second until ctrl-c. Without names, or with several, it asks berthd for every container in one
/// call (berth's bulk extension <c>GET /containers/stats</c>); a single named container is asked for alone.
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
        if (names.Length == 1)
        {
            return [StatsRows.Build(await client.Containers.StatsAsync(names[0], oneShot: false, cancellationToken).ConfigureAwait(false), names[0], truncate)];
        }
        // Several names: one bulk request; a name it does not resolve is asked for on its own (and fails as docker's would).
        var bulk = await client.Containers.StatsAllAsync(all: true, cancellationToken).ConfigureAwait(false);
        var rows = new JsonObject[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var stats = Match(bulk, names[i]) ?? await client.Containers.StatsAsync(names[i], oneShot: false, cancellationToken).ConfigureAwait(false);
            rows[i] = StatsRows.Build(stats, names[i], truncate);
        }
        return rows;
    }

    /// <summary>The sample whose name or full ID is <paramref name="name"/>, else the only one whose ID starts with it.</summary>
    internal static ContainerStatsResponse? Match(IReadOnlyList<ContainerStatsResponse> samples, string name)
    {
        var exact = samples.FirstOrDefault(s => s.Name == "/" + name || s.Id == name);
        if (exact is not null) return exact;
        var byPrefix = samples.Where(s => s.Id?.StartsWith(name, StringComparison.Ordinal) == true).Take(2).ToList();
        return byPrefix.Count == 1 ? byPrefix[0] : null;
    }
}
