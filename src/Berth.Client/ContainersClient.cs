using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary><see cref="IContainersClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed partial class ContainersClient(ApiConnection connection) : IContainersClient
{
    private static string Path(string id, string? action = null) =>
        "/containers/" + Uri.EscapeDataString(id) + (action is null ? "" : "/" + action);

    public async Task<IReadOnlyList<ContainerSummary>> ListAsync(ContainerListOptions options, CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .AddFlag("all", options.All)
            .Add("limit", options.Limit)
            .AddFlag("size", options.Size)
            .Add("filters", FilterArguments.ToJson(options.Filters));
        return await connection.GetJsonAsync("/containers/json" + query, BerthApiJsonContext.Default.ListContainerSummary, cancellationToken).ConfigureAwait(false);
    }

    public Task<ContainerCreateResponse> CreateAsync(ContainerCreateRequest request, string? name, string? platform, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("name", name).Add("platform", platform);
        return connection.SendJsonAsync(HttpMethod.Post, "/containers/create" + query,
            ApiConnection.JsonContent(request, BerthApiJsonContext.Default.ContainerCreateRequest),
            BerthApiJsonContext.Default.ContainerCreateResponse, cancellationToken);
    }

    public Task<ContainerInspectResponse> InspectAsync(string id, bool size, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(id, "json") + new QueryString().AddFlag("size", size), BerthApiJsonContext.Default.ContainerInspectResponse, cancellationToken);

    public Task<System.Text.Json.JsonElement> InspectRawAsync(string id, bool size, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(id, "json") + new QueryString().AddFlag("size", size), BerthApiJsonContext.Default.JsonElement, cancellationToken);

    public Task StartAsync(string id, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "start"), null, cancellationToken);

    public Task StopAsync(string id, int? timeoutSeconds, string? signal, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "stop") + new QueryString().Add("t", timeoutSeconds).Add("signal", signal), null, cancellationToken);

    public Task RestartAsync(string id, int? timeoutSeconds, string? signal, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "restart") + new QueryString().Add("t", timeoutSeconds).Add("signal", signal), null, cancellationToken);

    public Task KillAsync(string id, string? signal, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "kill") + new QueryString().Add("signal", signal), null, cancellationToken);

    public Task<ContainerWaitResponse> WaitAsync(string id, string? condition, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, Path(id, "wait") + new QueryString().Add("condition", condition), null,
            BerthApiJsonContext.Default.ContainerWaitResponse, cancellationToken);

    /// <summary>
    /// Returns once the daemon has registered the wait: dockerd and berthd answer the headers at once and the body
    /// when the condition is met. Sending the request head alone was not enough: the daemon could take a start sent
    /// right after on another connection first, and an --rm container could be gone before the wait was seen.
    /// </summary>
    public async Task<ContainerWaiter> BeginWaitAsync(string id, string? condition, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(HttpMethod.Post, Path(id, "wait") + new QueryString().Add("condition", condition), null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return new ContainerWaiter(ReadWaitAsync(response, cancellationToken));
    }

    private static async Task<ContainerWaitResponse> ReadWaitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return System.Text.Json.JsonSerializer.Deserialize(body, BerthApiJsonContext.Default.ContainerWaitResponse)
                ?? throw new BerthApiException(response.StatusCode, "empty response from daemon");
        }
    }

    public Task RemoveAsync(string id, bool force, bool removeVolumes, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Delete, Path(id) + new QueryString().AddFlag("force", force).AddFlag("v", removeVolumes), null, cancellationToken);

    public Task<ContainerPruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/containers/prune" + new QueryString().Add("filters", FilterArguments.ToJson(filters)), null,
            BerthApiJsonContext.Default.ContainerPruneResponse, cancellationToken);

    public Task RenameAsync(string id, string newName, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "rename") + new QueryString().Add("name", newName), null, cancellationToken);

    public Task PauseAsync(string id, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "pause"), null, cancellationToken);

    public Task UnpauseAsync(string id, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "unpause"), null, cancellationToken);

    public Task<ContainerTopResponse> TopAsync(string id, string? psArgs, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(id, "top") + new QueryString().Add("ps_args", psArgs), BerthApiJsonContext.Default.ContainerTopResponse, cancellationToken);

    public Task<ContainerStatsResponse> StatsAsync(string id, bool oneShot, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(id, "stats") + new QueryString().Add("stream", "false").AddFlag("one-shot", oneShot),
            BerthApiJsonContext.Default.ContainerStatsResponse, cancellationToken);

    public async Task<IReadOnlyList<ContainerStatsResponse>> StatsAllAsync(bool all, CancellationToken cancellationToken) =>
        await connection.GetJsonAsync("/containers/stats" + new QueryString().AddFlag("all", all),
            BerthApiJsonContext.Default.ListContainerStatsResponse, cancellationToken).ConfigureAwait(false);

    public Task<ContainerUpdateResponse> UpdateAsync(string id, ContainerUpdateRequest update, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, Path(id, "update"),
            ApiConnection.JsonContent(update, BerthApiJsonContext.Default.ContainerUpdateRequest),
            BerthApiJsonContext.Default.ContainerUpdateResponse, cancellationToken);

    public async Task<Stream> LogsAsync(string id, ContainerLogsOptions options, CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .AddFlag("follow", options.Follow)
            .AddFlag("stdout", options.Stdout)
            .AddFlag("stderr", options.Stderr)
            .Add("since", options.Since)
            .Add("until", options.Until)
            .AddFlag("timestamps", options.Timestamps)
            .Add("tail", options.Tail);
        var response = await connection.SendAsync(HttpMethod.Get, Path(id, "logs") + query, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<Stream> ExportAsync(string id, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(HttpMethod.Get, Path(id, "export"), null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<HijackedStream> AttachAsync(string id, ContainerAttachOptions options, CancellationToken cancellationToken)
    {
        var prefix = await connection.VersionPrefixAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryString()
            .AddFlag("stream", options.Stream)
            .AddFlag("stdin", options.Stdin)
            .AddFlag("stdout", options.Stdout)
            .AddFlag("stderr", options.Stderr)
            .AddFlag("logs", options.Logs)
            .Add("detachKeys", options.DetachKeys);
        return await HijackRequest.SendAsync(connection.Connector, "POST", prefix + Path(id, "attach") + query, null, cancellationToken).ConfigureAwait(false);
    }

    public Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(id, "resize") + new QueryString().Add("h", height).Add("w", width), null, cancellationToken);
}
