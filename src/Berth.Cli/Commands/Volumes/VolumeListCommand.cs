using System.CommandLine;
using System.Text.Json.Nodes;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Volumes;

/// <summary><c>berth volume ls [-q] [--filter] [--format]</c>.</summary>
internal sealed class VolumeListCommand : Command
{
    private const string DefaultFormat = "table {{.Driver}}\t{{.Name}}";

    private static readonly Dictionary<string, string> Headers = new()
    {
        ["Driver"] = "DRIVER",
        ["Name"] = "VOLUME NAME",
        ["Mountpoint"] = "MOUNTPOINT",
        ["Scope"] = "SCOPE",
        ["Labels"] = "LABELS",
        ["CreatedAt"] = "CREATED AT",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Only display volume names" };
    private readonly Option<string[]> _filter = new("--filter", "-f") { Description = "Provide filter values (e.g. \"dangling=true\")" };
    private readonly Option<string?> _format = new("--format") { Description = "Format output using a custom template: 'table', 'table TEMPLATE', 'json', or a Go template" };

    public VolumeListCommand(CliContext context) : base("ls", "List volumes")
    {
        Aliases.Add("list");
        Add(_quiet);
        Add(_filter);
        Add(_format);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var list = await client.Volumes.ListAsync(FilterFlags.Parse(parseResult.GetValue(_filter)), token).ConfigureAwait(false);
            if (parseResult.GetValue(_quiet))
            {
                foreach (var volume in list.Volumes) await context.Out.WriteLineAsync(volume.Name).ConfigureAwait(false);
                return 0;
            }
            var rows = list.Volumes.Select(v => new JsonObject
            {
                ["Driver"] = v.Driver,
                ["Name"] = v.Name,
                ["Mountpoint"] = v.Mountpoint,
                ["Scope"] = v.Scope,
                ["Labels"] = string.Join(',', v.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
                ["CreatedAt"] = v.CreatedAt,
            });
            await context.Out.WriteAsync(new ListFormatter(parseResult.GetValue(_format), DefaultFormat, Headers).Render(rows)).ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
