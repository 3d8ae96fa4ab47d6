using Berth.Api;
using System.Runtime.CompilerServices;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary><see cref="ISystemClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed class SystemClient(ApiConnection connection) : ISystemClient
{
    public Task<PingResponse> PingAsync(CancellationToken cancellationToken) => connection.PingAsync(cancellationToken);

    public Task<SystemVersion> VersionAsync(CancellationToken cancellationToken) =>
        connection.GetJsonAsync("/version", BerthApiJsonContext.Default.SystemVersion, cancellationToken);

    public Task<SystemInfo> InfoAsync(CancellationToken cancellationToken) =>
        connection.GetJsonAsync("/info", BerthApiJsonContext.Default.SystemInfo, cancellationToken);

    public Task<SystemDataUsageResponse> DiskUsageAsync(CancellationToken cancellationToken) =>
        connection.GetJsonAsync("/system/df", BerthApiJsonContext.Default.SystemDataUsageResponse, cancellationToken);

    public Task<AuthResponse> AuthAsync(AuthConfig config, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/auth", ApiConnection.JsonContent(config, BerthApiJsonContext.Default.AuthConfig),
            BerthApiJsonContext.Default.AuthResponse, cancellationToken);

    public async IAsyncEnumerable<EventMessage> EventsAsync(EventsOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .Add("since", options.Since)
            .Add("until", options.Until)
            .Add("filters", FilterArguments.ToJson(options.Filters));
        using var response = await connection.SendAsync(HttpMethod.Get, "/events" + query, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await foreach (var message in EventMessageReader.ReadAllAsync(body, cancellationToken).ConfigureAwait(false))
                yield return message;
        }
    }

    public async Task<string> NegotiatedApiVersionAsync(CancellationToken cancellationToken)
    {
        await connection.VersionPrefixAsync(cancellationToken).ConfigureAwait(false);
        return connection.NegotiatedVersion!;
    }
}
