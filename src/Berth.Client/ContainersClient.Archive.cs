using System.Net.Http.Headers;
using System.Text.Json;
using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

internal sealed partial class ContainersClient
{
    private const string PathStatHeader = "X-Docker-Container-Path-Stat";

    public async Task<ContainerPathStat> StatPathAsync(string id, string path, CancellationToken cancellationToken)
    {
        using var response = await connection.SendAsync(HttpMethod.Head, ArchivePath(id, path), null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return DecodeStat(response);
    }

    public async Task<ContainerArchiveContent> GetArchiveAsync(string id, string path, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(HttpMethod.Get, ArchivePath(id, path), null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            var stat = DecodeStat(response);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ContainerArchiveContent(new ResponseStream(response, body), stat);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task PutArchiveAsync(string id, string path, Stream tar, bool noOverwriteDirNonDir, bool copyUidGid, CancellationToken cancellationToken)
    {
        var body = new StreamContent(tar, 1 << 20);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var query = new QueryString().Add("path", path).AddFlag("noOverwriteDirNonDir", noOverwriteDirNonDir).AddFlag("copyUIDGID", copyUidGid);
        await connection.SendNoContentAsync(HttpMethod.Put, Path(id, "archive") + query, body, cancellationToken).ConfigureAwait(false);
    }

    private static string ArchivePath(string id, string path) => Path(id, "archive") + new QueryString().Add("path", path);

    private static ContainerPathStat DecodeStat(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(PathStatHeader, out var values) || values.FirstOrDefault() is not { } encoded)
            throw new BerthApiException($"the daemon sent no {PathStatHeader} header");
        return JsonSerializer.Deserialize(Convert.FromBase64String(encoded), BerthApiJsonContext.Default.ContainerPathStat)
            ?? throw new BerthApiException($"empty {PathStatHeader} header");
    }
}
