using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary><see cref="IExecClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed class ExecClient(ApiConnection connection) : IExecClient
{
    private static string Path(string id, string action) => "/exec/" + Uri.EscapeDataString(id) + "/" + action;

    private static string CreatePath(string container) => "/containers/" + Uri.EscapeDataString(container) + "/exec";

    public async Task<string> CreateAsync(string container, ExecConfig config, CancellationToken cancellationToken)
    {
        var created = await connection.SendForBytesAsync(HttpMethod.Post, CreatePath(container),
            ApiConnection.JsonContent(ExecWire.Write(config)), cancellationToken).ConfigureAwait(false);
        return ExecWire.ReadId(created) ?? throw new InvalidDataException("daemon returned no exec ID");
    }

    public Task StartDetachedAsync(string id, ExecStartConfig config, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "start"),
            ApiConnection.JsonContent(ExecWire.Write(config)), cancellationToken);

    public async Task<HijackedStream> StartAttachedAsync(string id, ExecStartConfig config, CancellationToken cancellationToken)
    {
        var prefix = await connection.VersionPrefixAsync(cancellationToken).ConfigureAwait(false);
        var body = ExecWire.Write(config);
        return await HijackRequest.SendAsync(connection.Connector, "POST", prefix + Path(id, "start"), body, cancellationToken).ConfigureAwait(false);
    }

    public Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "resize") + new QueryString().Add("h", height).Add("w", width), null, cancellationToken);

    public async Task<ExecInspectResponse> InspectAsync(string id, CancellationToken cancellationToken) =>
        ExecWire.ReadInspect(await connection.SendForBytesAsync(HttpMethod.Get, Path(id, "json"), null, cancellationToken).ConfigureAwait(false));

    public string Create(string container, ExecConfig config) =>
        ExecWire.ReadId(connection.Blocking.SendForBytes("POST", connection.BlockingPrefix + CreatePath(container), ExecWire.Write(config)))
            ?? throw new InvalidDataException("daemon returned no exec ID");

    public void StartDetached(string id, ExecStartConfig config) =>
        connection.Blocking.SendForBytes("POST", connection.BlockingPrefix + Path(id, "start"), ExecWire.Write(config));

    public HijackedStream StartAttached(string id, ExecStartConfig config) =>
        HijackRequest.Send(connection.Connector, "POST", connection.BlockingPrefix + Path(id, "start"), ExecWire.Write(config));

    public ExecInspectResponse Inspect(string id) =>
        ExecWire.ReadInspect(connection.Blocking.SendForBytes("GET", connection.BlockingPrefix + Path(id, "json"), null));
}
