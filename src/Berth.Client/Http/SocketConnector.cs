using System.Net;
using System.Net.Sockets;

namespace Berth.Client.Http;

/// <summary>Opens a raw stream to the daemon's endpoint; shared by the HTTP handler, hijacked and blocking connections.</summary>
internal sealed class SocketConnector(DaemonEndpoint endpoint)
{
    public DaemonEndpoint Endpoint { get; } = endpoint;

    public async ValueTask<NetworkStream> ConnectAsync(CancellationToken cancellationToken)
    {
        var (socket, target) = CreateSocket();
        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw ConnectionFailed(e);
        }
    }

    /// <summary>
    /// Connects on the calling thread. A socket that never sees an async call needs no epoll thread and no thread
    /// pool, which is what keeps a short command short (see <see cref="BlockingApiConnection"/>).
    /// </summary>
    public NetworkStream Connect()
    {
        var (socket, target) = CreateSocket();
        try
        {
            socket.Connect(target);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw ConnectionFailed(e);
        }
    }

    private (Socket Socket, EndPoint Target) CreateSocket() => Endpoint.IsUnixSocket
        ? (new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified), new UnixDomainSocketEndPoint(Endpoint.SocketPath!))
        : (new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }, new DnsEndPoint(Endpoint.TcpHost!, Endpoint.TcpPort));

    private DaemonConnectionException ConnectionFailed(SocketException e)
    {
        var where = Endpoint.IsUnixSocket ? Endpoint.Original : $"tcp://{Endpoint.Authority}";
        return new DaemonConnectionException($"Cannot connect to the berth daemon at {where}. Is the berth daemon running?", e);
    }
}
