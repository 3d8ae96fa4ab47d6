using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Berth.Api;
using Berth.Client.Http;
using Berth.Client.Streams;

namespace Berth.Client;

internal sealed partial class ImagesClient
{
    public async Task<Stream> SaveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var query = new QueryString().AddAll("names", names);
        var response = await connection.SendAsync(HttpMethod.Get, "/images/get" + query, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    public async IAsyncEnumerable<JsonMessage> LoadAsync(Stream archive, bool quiet, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = new StreamContent(archive, 1 << 20);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await connection.SendAsync(HttpMethod.Post, "/images/load" + new QueryString().AddFlag("quiet", quiet), body, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var message in JsonMessageReader.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }
}
