using System.CommandLine;
using System.Text.Json.Nodes;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Networks;

/// <summary><c>berth network ls [-q] [--filter] [--format] [--no-trunc]</c>.</summary>
internal sealed class NetworkListCommand : Command
{
    private const string DefaultFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";

    private static readonly Dictionary<string, string> Headers = new()
    {
        ["ID"] = "NETWORK ID",
        ["Name"] = "NAME",
        ["Driver"] = "DRIVER",
        ["Scope"] = "SCOPE",
        ["Internal"] = "INTERNAL",
        ["Labels"] = "LABELS",
        ["CreatedAt"] = "CREATED AT",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Only display network IDs" };
    private readonly Option<bool> _noTrunc = new("--no-trunc") { Description = "Do not truncate the output" };
    private readonly Option<string[]> _filter = new("--filter", "-f") { Description = "Provide filter values (e.g. \"driver=bridge\")" };
    private readonly Option<string?> _format = new("--format") { Description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template" };

    public NetworkListCommand(CliContext context) : base("ls", "List networks")
    {
        Aliases.Add("list");
        Add(_quiet);
        Add(_noTrunc);
        Add(_filter);
        Add(_format);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var networks = await client.Networks.ListAsync(FilterFlags.Parse(parseResult.GetValue(_filter)), token).ConfigureAwait(false);
            var noTrunc = parseResult.GetValue(_noTrunc);
            string Id(string? id) => noTrunc || id is null || id.Length <= 12 ? id ?? "" : id[..12];
            if (parseResult.GetValue(_quiet))
            {
                foreach (var network in networks) await context.Out.WriteLineAsync(Id(network.Id)).ConfigureAwait(false);
                return 0;
            }
            var rows = networks.Select(n => new JsonObject
            {
                ["ID"] = Id(n.Id),
                ["Name"] = n.Name,
                ["Driver"] = n.Driver,
                ["Scope"] = n.Scope,
                ["Internal"] = n.Internal ? "true" : "false",
                ["Labels"] = string.Join(',', (n.Labels ?? []).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
                ["CreatedAt"] = n.Created,
            });
            await context.Out.WriteAsync(new ListFormatter(parseResult.GetValue(_format), DefaultFormat, Headers).Render(rows)).ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
