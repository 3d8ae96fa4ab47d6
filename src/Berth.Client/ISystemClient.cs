using Berth.Api;

namespace Berth.Client;

/// <summary>System endpoints: <c>/_ping</c>, <c>/version</c>, <c>/info</c>, <c>/events</c>.</summary>
public interface ISystemClient
{
    Task<PingResponse> PingAsync(CancellationToken cancellationToken);

    Task<SystemVersion> VersionAsync(CancellationToken cancellationToken);

    Task<SystemInfo> InfoAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /system/df</c>: images, containers, volumes and build cache with their sizes.</summary>
    Task<SystemDataUsageResponse> DiskUsageAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /auth</c>: checks registry credentials (<c>login</c>); 401 as <see cref="BerthApiException"/>.</summary>
    Task<AuthResponse> AuthAsync(AuthConfig config, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /events</c>: recorded events in the requested range, then (without <see cref="EventsOptions.Until"/>)
    /// new ones as they happen until <paramref name="cancellationToken"/> fires. Errors (bad filter) throw before
    /// the first event.
    /// </summary>
    IAsyncEnumerable<EventMessage> EventsAsync(EventsOptions options, CancellationToken cancellationToken);

    /// <summary>The API version requests use (negotiated with <c>/_ping</c> on first use).</summary>
    Task<string> NegotiatedApiVersionAsync(CancellationToken cancellationToken);
}
