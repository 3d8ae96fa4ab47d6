using System.Text.Json;
using Berth.Api;
using Berth.Core;
using Berth.Daemon.Api.Filters;
using Berth.Daemon.Api.Http;
using Berth.Engine.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Berth.Daemon.Api.Events;

/// <summary>
/// <c>GET /events?since=&amp;until=&amp;filters=</c> (swagger.yaml SystemEvents), as dockerd answers it: headers at once;
/// with <c>since</c> or <c>until</c> the recorded events in that range first; then, unless <c>until</c> has passed,
/// new events as they happen, one JSON object per line, flushed each, until <c>until</c>, the client leaves or
/// the daemon stops.
/// </summary>
public static class EventsHandler
{
    private static readonly byte[] Newline = "\n"u8.ToArray();
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(24);

    public static async Task HandleAsync(HttpContext context, EventJournal journal, TimeProvider time, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sinceText = QueryValues.String(context, "since");
        var untilText = QueryValues.String(context, "until");
        var since = EventTimeParameter.Parse(sinceText, now);
        var until = EventTimeParameter.Parse(untilText, now);
        if (since is { } s && until is { } u && u < s)
            throw BerthException.Invalid($"`since` time ({sinceText}) cannot be after `until` time ({untilText})");
        var args = FilterArgs.FromQuery(context, [.. EventFilter.AcceptedKeys]);
        var filter = new EventFilter(EventFilter.AcceptedKeys.ToDictionary(k => k, args.Get, StringComparer.Ordinal));

        var onlyPast = until is { } end && end < EventRecord.ToUnixNano(now);
        var replay = since is not null || until is not null;
        using var subscription = journal.Subscribe(replay ? since ?? 0 : long.MaxValue, until ?? long.MaxValue, filter, live: !onlyPast);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

        var legacy = context.GetApiVersion() <= EventWireMapping.LastVersionWithLegacyFields;
        foreach (var ev in subscription.Replay)
            await WriteAsync(response.Body, ev, legacy, cancellationToken).ConfigureAwait(false);
        if (subscription.Live is not { } live) return;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        if (until is { } deadline)
        {
            var remaining = TimeSpan.FromTicks(Math.Max(0, (deadline - EventRecord.ToUnixNano(time.GetUtcNow())) / 100 + 1));
            if (remaining < MaxTimer) stop.CancelAfter(remaining); // beyond that the client will have gone first
        }
        try
        {
            await foreach (var ev in live.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                if (until is { } last && ev.TimeNano > last) break;
                await WriteAsync(response.Body, ev, legacy, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // until reached, client gone or daemon stopping: the stream just ends
        }
        catch (EventSubscriberDroppedException)
        {
            // this client read too slowly; dockerd drops such subscribers too
        }
    }

    private static async Task WriteAsync(Stream body, EventRecord ev, bool legacy, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(body, EventWireMapping.ToMessage(ev, legacy), BerthApiJsonContext.Default.EventMessage, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(Newline, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
