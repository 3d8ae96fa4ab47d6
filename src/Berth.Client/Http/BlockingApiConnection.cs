using System.Net;
using System.Net.Sockets;

namespace Berth.Client.Http;

/// <summary>
/// Requests answered on the calling thread over one kept-alive socket, for the commands whose whole run is a few
/// small requests (<c>berth exec</c>): no <see cref="HttpClient"/>, no thread pool and no epoll thread. In a CLI
/// run that lasts milliseconds, starting those threads and handing every continuation between them cost more than
/// the requests themselves. Bodies are small JSON, held in memory.
/// </summary>
internal sealed class BlockingApiConnection(SocketConnector connector) : IDisposable
{
    private NetworkStream? _stream;
    private bool _reused;

    /// <summary>Sends a request and reads its whole answer, whatever the status.</summary>
    public (ResponseHead Head, byte[] Body) Send(string method, string pathAndQuery, byte[]? json)
    {
        var request = RequestHead.Build(method, pathAndQuery, connector.Endpoint.Authority, upgrade: false, json);
        try
        {
            return Exchange(request);
        }
        catch (IOException) when (_reused)
        {
            // The daemon closed the idle kept-alive connection before our request reached it: once more on a new one.
            Close();
            return Exchange(request);
        }
    }

    /// <summary>Like <see cref="Send"/>; throws <see cref="BerthApiException"/> with the daemon's message on non-2xx.</summary>
    public byte[] SendForBytes(string method, string pathAndQuery, byte[]? json)
    {
        var (head, body) = Send(method, pathAndQuery, json);
        if (!head.IsSuccess)
        {
            var status = (HttpStatusCode)head.StatusCode;
            throw new BerthApiException(status, ApiConnection.ErrorMessage(status, body));
        }
        return body;
    }

    private (ResponseHead, byte[]) Exchange(byte[] request)
    {
        var stream = _stream ??= connector.Connect();
        stream.Write(request);
        var (head, rest) = ResponseHead.Read(stream);
        var body = ResponseBody.Read(stream, head, rest);
        if (ResponseBody.KeepsConnection(head))
        {
            _reused = true;
        }
        else
        {
            Close();
        }
        return (head, body);
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _reused = false;
    }

    public void Dispose() => Close();
}
