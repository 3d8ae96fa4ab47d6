using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary><see cref="IBuildClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed class BuildClient(ApiConnection connection) : IBuildClient
{
    public async Task<string> CommitAsync(string container, CommitOptions options, CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .Add("container", container)
            .Add("repo", options.Repository)
            .Add("tag", options.Tag)
            .Add("comment", options.Comment)
            .Add("author", options.Author)
            .Add("pause", options.Pause ? "1" : "0")
            .AddAll("changes", options.Changes);
        var body = options.Config is null ? null : ApiConnection.JsonContent(options.Config, BerthApiJsonContext.Default.ContainerConfig);
        var response = await connection.SendJsonAsync(HttpMethod.Post, "/commit" + query, body, BerthApiJsonContext.Default.IdResponse, cancellationToken).ConfigureAwait(false);
        return response.Id ?? "";
    }

    public async Task<IReadOnlyList<FilesystemChange>> ChangesAsync(string container, CancellationToken cancellationToken) =>
        await connection.GetJsonAsync("/containers/" + Uri.EscapeDataString(container) + "/changes",
            BerthApiJsonContext.Default.ListFilesystemChange, cancellationToken).ConfigureAwait(false);

    public Task<BuildPruneResponse> PruneAsync(CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/build/prune", null, BerthApiJsonContext.Default.BuildPruneResponse, cancellationToken);

    public async IAsyncEnumerable<JsonMessage> BuildAsync(Stream context, BuildOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .AddAll("t", options.Tags)
            .Add("dockerfile", options.Dockerfile)
            .Add("target", options.Target)
            .AddFlag("nocache", options.NoCache)
            .AddFlag("q", options.Quiet)
            .Add("rm", options.Remove ? "1" : "0")
            .AddFlag("forcerm", options.ForceRemove);
        if (options.BuildArgs.Count > 0)
            query.Add("buildargs", JsonSerializer.Serialize(options.BuildArgs.ToDictionary(), BerthApiJsonContext.Default.DictionaryStringString));
        if (options.Labels.Count > 0)
            query.Add("labels", JsonSerializer.Serialize(options.Labels.ToDictionary(), BerthApiJsonContext.Default.DictionaryStringString));
        var body = new StreamContent(context, 1 << 20);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await connection.SendAsync(HttpMethod.Post, "/build" + query, body, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var message in JsonMessageReader.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false))
            yield return message;
    }
}
