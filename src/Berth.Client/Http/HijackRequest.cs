using System.Net;
using System.Net.Sockets;
using Berth.Client.Streams;

namespace Berth.Client.Http;

/// <summary>
/// Performs an HTTP/1.1 upgrade by hand (engine-api-notes.md §3): writes the request with
/// <c>Connection: Upgrade</c> / <c>Upgrade: tcp</c> on a fresh socket, reads the response head, and on
/// <c>101</c> (or <c>200</c> from older daemons) hands back the raw connection.
/// </summary>
internal static class HijackRequest
{
    public static async Task<HijackedStream> SendAsync(SocketConnector connector, string method, string pathAndQuery, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        var network = await connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await network.WriteAsync(RequestHead.Build(method, pathAndQuery, connector.Endpoint.Authority, upgrade: true, jsonBody), cancellationToken).ConfigureAwait(false);
            var (response, rest) = await ResponseHead.ReadAsync(network, cancellationToken).ConfigureAwait(false);
            if (!IsUpgraded(response))
            {
                throw Failure(response, await ResponseBody.ReadAsync(network, response, rest, cancellationToken).ConfigureAwait(false));
            }
            return Hijacked(network, response, rest);
        }
        catch
        {
            await network.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The same on the calling thread (<see cref="BlockingApiConnection"/>).</summary>
    public static HijackedStream Send(SocketConnector connector, string method, string pathAndQuery, byte[]? jsonBody)
    {
        var network = connector.Connect();
        try
        {
            network.Write(RequestHead.Build(method, pathAndQuery, connector.Endpoint.Authority, upgrade: true, jsonBody));
            var (response, rest) = ResponseHead.Read(network);
            if (!IsUpgraded(response))
            {
                throw Failure(response, ResponseBody.Read(network, response, rest));
            }
            return Hijacked(network, response, rest);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static bool IsUpgraded(ResponseHead response) => response.StatusCode is 101 or 200;

    private static BerthApiException Failure(ResponseHead response, byte[] body) =>
        new((HttpStatusCode)response.StatusCode, ApiConnection.ErrorMessage((HttpStatusCode)response.StatusCode, body));

    private static HijackedStream Hijacked(NetworkStream network, ResponseHead response, byte[] rest)
    {
        var multiplexed = !string.Equals(response.Header("Content-Type"), "application/vnd.docker.raw-stream", StringComparison.OrdinalIgnoreCase);
        return new HijackedStream(network, new PrefixedStream(rest, network), multiplexed);
    }
}
