using System.Text.Json;
using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary><see cref="IExecClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed class ExecClient(ApiConnection connection) : IExecClient
{
    private static string Path(string id, string action) => "/exec/" + Uri.EscapeDataString(id) + "/" + action;

    public async Task<string> CreateAsync(string container, ExecConfig config, CancellationToken cancellationToken)
    {
        var created = await connection.SendJsonAsync(HttpMethod.Post, "/containers/" + Uri.EscapeDataString(container) + "/exec",
            ApiConnection.JsonContent(config, BerthApiJsonContext.Default.ExecConfig), BerthApiJsonContext.Default.IdResponse, cancellationToken).ConfigureAwait(false);
        return created.Id ?? throw new InvalidDataException("daemon returned no exec ID");
    }

    public Task StartDetachedAsync(string id, ExecStartConfig config, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "start"),
            ApiConnection.JsonContent(config, BerthApiJsonContext.Default.ExecStartConfig), cancellationToken);

    public async Task<HijackedStream> StartAttachedAsync(string id, ExecStartConfig config, CancellationToken cancellationToken)
    {
        var prefix = await connection.VersionPrefixAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(config, BerthApiJsonContext.Default.ExecStartConfig);
        return await HijackRequest.SendAsync(connection.Connector, "POST", prefix + Path(id, "start"), body, cancellationToken).ConfigureAwait(false);
    }

    public Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "resize") + new QueryString().Add("h", height).Add("w", width), null, cancellationToken);

    public Task<ExecInspectResponse> InspectAsync(string id, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(id, "json"), BerthApiJsonContext.Default.ExecInspectResponse, cancellationToken);
}
