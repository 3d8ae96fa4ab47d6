using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

/// <summary><see cref="IImagesClient"/> over an <see cref="ApiConnection"/>.</summary>
internal sealed partial class ImagesClient(ApiConnection connection) : IImagesClient
{
    private static string Path(string name, string? action = null) =>
        "/images/" + EscapeName(name) + (action is null ? "" : "/" + action);

    // Image names keep their '/' separators in the path (POST /images/{name}/tag with name "reg:5000/a/b").
    private static string EscapeName(string name) => string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    public async Task<IReadOnlyList<ImageSummary>> ListAsync(bool all, IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        await connection.GetJsonAsync("/images/json" + new QueryString().AddFlag("all", all).Add("filters", FilterArguments.ToJson(filters)),
            BerthApiJsonContext.Default.ListImageSummary, cancellationToken).ConfigureAwait(false);

    public Task<ImageInspect> InspectAsync(string name, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(name, "json"), BerthApiJsonContext.Default.ImageInspect, cancellationToken);

    public Task<System.Text.Json.JsonElement> InspectRawAsync(string name, CancellationToken cancellationToken) =>
        connection.GetJsonAsync(Path(name, "json"), BerthApiJsonContext.Default.JsonElement, cancellationToken);

    public async Task<IReadOnlyList<HistoryResponseItem>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        await connection.GetJsonAsync(Path(name, "history"), BerthApiJsonContext.Default.ListHistoryResponseItem, cancellationToken).ConfigureAwait(false);

    public Task TagAsync(string name, string repository, string? tag, CancellationToken cancellationToken) =>
        connection.SendNoContentAsync(HttpMethod.Post, Path(name, "tag") + new QueryString().Add("repo", repository).Add("tag", tag), null, cancellationToken);

    public async Task<IReadOnlyList<ImageDeleteResponseItem>> RemoveAsync(string name, bool force, bool noPrune, CancellationToken cancellationToken) =>
        await connection.SendJsonAsync(HttpMethod.Delete, Path(name) + new QueryString().AddFlag("force", force).AddFlag("noprune", noPrune), null,
            BerthApiJsonContext.Default.ListImageDeleteResponseItem, cancellationToken).ConfigureAwait(false);

    public Task<ImagePruneResponse> PruneAsync(IReadOnlyDictionary<string, List<string>>? filters, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, "/images/prune" + new QueryString().Add("filters", FilterArguments.ToJson(filters)), null,
            BerthApiJsonContext.Default.ImagePruneResponse, cancellationToken);

    public async IAsyncEnumerable<JsonMessage> ImportAsync(Stream source, ImageImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryString()
            .Add("fromSrc", "-")
            .Add("repo", options.Repository)
            .Add("tag", options.Tag)
            .Add("message", options.Message)
            .AddAll("changes", options.Changes)
            .Add("platform", options.Platform);
        var body = new StreamContent(source);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await connection.SendAsync(HttpMethod.Post, "/images/create" + query, body, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var message in JsonMessageReader.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    public IAsyncEnumerable<JsonMessage> PullAsync(string image, string? tag, string? platform, string? registryAuth, CancellationToken cancellationToken) =>
        StreamAsync("/images/create" + new QueryString().Add("fromImage", image).Add("tag", tag).Add("platform", platform), registryAuth, cancellationToken);

    public IAsyncEnumerable<JsonMessage> PushAsync(string name, string? tag, string? registryAuth, CancellationToken cancellationToken) =>
        StreamAsync(Path(name, "push") + new QueryString().Add("tag", tag), registryAuth, cancellationToken);

    public async Task<IReadOnlyList<ImageSearchResponseItem>> SearchAsync(string term, int? limit, string? registryAuth, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("term", term).Add("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await connection.SendAsync(HttpMethod.Get, "/images/search" + query, null, HttpCompletionOption.ResponseContentRead,
            AuthHeader(registryAuth), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return System.Text.Json.JsonSerializer.Deserialize(body, BerthApiJsonContext.Default.ListImageSearchResponseItem) ?? [];
    }

    private static Dictionary<string, string>? AuthHeader(string? registryAuth) =>
        string.IsNullOrEmpty(registryAuth) ? null : new Dictionary<string, string> { ["X-Registry-Auth"] = registryAuth };

    private async IAsyncEnumerable<JsonMessage> StreamAsync(string pathAndQuery, string? registryAuth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await connection.SendAsync(HttpMethod.Post, pathAndQuery, null, HttpCompletionOption.ResponseHeadersRead,
            AuthHeader(registryAuth), cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var message in JsonMessageReader.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }
}
