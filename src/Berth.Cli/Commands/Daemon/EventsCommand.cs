using System.CommandLine;
using System.Text.Json;
using Berth.Api;
using Berth.Cli.Output.Templates;
using Berth.Cli.Parsing;
using Berth.Client;

namespace Berth.Cli.Commands.Daemon;

/// <summary>
/// <c>berth events [--since T] [--until T] [-f key=value]… [--format F]</c> (<c>berth system events</c>): real-time
/// events from the daemon, as <c>docker events</c> prints them. Without <c>--until</c> it runs until interrupted.
/// </summary>
internal sealed class EventsCommand : Command
{
    private const string JsonFormat = "{{json .}}";

    private readonly Option<string[]> _filter = new("--filter", "-f") { Description = "Filter output based on conditions provided" };
    private readonly Option<string?> _format = new("--format") { Description = "Format output using a custom template: 'json' or a Go template" };
    private readonly Option<string?> _since = new("--since") { Description = "Show all events created since timestamp" };
    private readonly Option<string?> _until = new("--until") { Description = "Stream events until this timestamp" };

    public EventsCommand(CliContext context) : base("events", "Get real time events from the server")
    {
        Add(_filter);
        Add(_format);
        Add(_since);
        Add(_until);
        SetAction((parseResult, ct) => CommandExecution.RunAsync(context, parseResult, async (client, token) =>
        {
            var now = context.Clock.GetUtcNow();
            var format = parseResult.GetValue(_format);
            var template = string.IsNullOrEmpty(format) ? null : GoTemplate.Parse(format == "json" ? JsonFormat : format);
            var options = new EventsOptions
            {
                Since = parseResult.GetValue(_since) is { Length: > 0 } since ? TimestampArgument.ToApiValue(since, now) : null,
                Until = parseResult.GetValue(_until) is { Length: > 0 } until ? TimestampArgument.ToApiValue(until, now) : null,
                Filters = FilterFlags.Parse(parseResult.GetValue(_filter)),
            };
            await foreach (var message in client.System.EventsAsync(options, token).ConfigureAwait(false))
            {
                var line = template is null
                    ? EventLine.Format(message, TimeZoneInfo.Local)
                    : template.Execute(JsonSerializer.SerializeToElement(message, BerthApiJsonContext.Default.EventMessage));
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
                await context.Out.FlushAsync(token).ConfigureAwait(false);
            }
            return 0;
        }, ct));
    }
}
