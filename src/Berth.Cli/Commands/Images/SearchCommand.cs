using System.CommandLine;
using System.Globalization;
using System.Text;
using Berth.Cli.Output;

namespace Berth.Cli.Commands.Images;

/// <summary><c>berth search [--limit N] [--no-trunc] TERM</c>: NAME, DESCRIPTION, STARS, OFFICIAL as docker prints them.</summary>
internal sealed class SearchCommand : Command
{
    private const int DescriptionWidth = 45;
    private readonly Option<int?> _limit = new("--limit") { Description = "Max number of search results" };
    private readonly Option<bool> _noTrunc = new("--no-trunc") { Description = "Don't truncate output" };
    private readonly Argument<string> _term = new("TERM");

    public SearchCommand(CliContext context) : base("search", "Search for an image in a registry")
    {
        Add(_limit);
        Add(_noTrunc);
        Add(_term);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var term = parseResult.GetValue(_term)!;
            var results = await client.Images.SearchAsync(term, parseResult.GetValue(_limit), new CredentialStore(context).RegistryAuthFor(term), token)
                .ConfigureAwait(false);
            var table = new StringBuilder("NAME\tDESCRIPTION\tSTARS\tOFFICIAL\n");
            foreach (var result in results)
            {
                var description = (result.Description ?? "").ReplaceLineEndings(" ");
                if (!parseResult.GetValue(_noTrunc) && description.Length > DescriptionWidth) description = description[..(DescriptionWidth - 1)] + "…";
                table.Append(result.Name).Append('\t').Append(description).Append('\t')
                    .Append(result.StarCount.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(result.IsOfficial ? "[OK]" : "").Append('\n');
            }
            await context.Out.WriteAsync(TableWriter.Align(table.ToString())).ConfigureAwait(false);
            return 0;
        }, ct));
    }
}
