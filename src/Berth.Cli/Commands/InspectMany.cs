using System.Text.Json;
using Berth.Client;

namespace Berth.Cli.Commands;

/// <summary>
/// The loop every <c>inspect</c> shares: fetch each name's raw document, report the missing ones as docker does
/// (<c>Error response from daemon: …</c>, exit 1), print the found ones as one JSON array or through the template.
/// </summary>
internal static class InspectMany
{
    public static async Task<int> RunAsync(CliContext context, IEnumerable<string> names, string? format,
        Func<string, CancellationToken, Task<JsonElement>> fetch, CancellationToken cancellationToken)
    {
        var found = new List<JsonElement>();
        var failed = false;
        foreach (var name in names)
        {
            try
            {
                found.Add(await fetch(name, cancellationToken).ConfigureAwait(false));
            }
            catch (BerthApiException e) when (e.IsNotFound)
            {
                failed = true;
                await context.Err.WriteLineAsync($"Error response from daemon: {e.Message}").ConfigureAwait(false);
            }
        }
        await context.Out.WriteAsync(InspectFormatter.Render(found, format)).ConfigureAwait(false);
        return failed ? 1 : 0;
    }
}
