using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// One container's embedded DNS server: a UDP socket and a TCP listening socket bound to 127.0.0.11:53 inside
/// its network namespace (made by <see cref="NetworkNamespaceThread"/>), served by async loops on berthd's thread
/// pool. <see cref="DisposeAsync"/> closes every socket and waits for the loops, so nothing outlives it.
/// </summary>
public sealed class EmbeddedDnsListener : IAsyncDisposable
{
    public static readonly IPEndPoint Address = new(IPAddress.Parse("127.0.0.11"), 53);
    private static readonly TimeSpan TcpIdleTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly Func<ReadOnlyMemory<byte>, bool, CancellationToken, Task<byte[]?>> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly ConcurrentDictionary<Task, bool> _pendingUdp = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;

    private EmbeddedDnsListener(Socket udp, Socket tcp, Func<ReadOnlyMemory<byte>, bool, CancellationToken, Task<byte[]?>> answer)
    {
        _udp = udp;
        _tcp = tcp;
        _answer = answer;
        _udpLoop = ServeUdpAsync(_stop.Token);
        _tcpLoop = AcceptTcpAsync(_stop.Token);
    }

    /// <summary>Binds both sockets in the namespace at <paramref name="netnsPath"/> and starts serving.</summary>
    /// <param name="answer">Query bytes and whether it came over TCP → the reply (null: none).</param>
    public static async Task<EmbeddedDnsListener> StartAsync(string netnsPath, Func<ReadOnlyMemory<byte>, bool, CancellationToken, Task<byte[]?>> answer)
    {
        var (udp, tcp) = await NetworkNamespaceThread.EnterAsync(netnsPath, () =>
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                udp.Bind(Address);
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                tcp.Bind(Address);
                tcp.Listen(64);
                return (udp, tcp);
            }
            catch
            {
                udp.Dispose();
                tcp.Dispose();
                throw;
            }
        }).ConfigureAwait(false);
        return new EmbeddedDnsListener(udp, tcp, answer);
    }

    private async Task ServeUdpAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var reply = RespondUdpAsync(query, received.RemoteEndPoint, cancellationToken);
            _pendingUdp[reply] = true;
            _ = reply.ContinueWith(t => _pendingUdp.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RespondUdpAsync(byte[] query, EndPoint client, CancellationToken cancellationToken)
    {
        try
        {
            if (await _answer(query, false, cancellationToken).ConfigureAwait(false) is { } reply)
                await _udp.SendToAsync(reply, SocketFlags.None, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping, or the client went away.
        }
    }

    private async Task AcceptTcpAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _tcp.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _connections[connection] = ServeTcpAsync(connection, cancellationToken);
        }
    }

    private async Task ServeTcpAsync(Socket connection, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var stream = new NetworkStream(connection, ownsSocket: false);
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(TcpIdleTimeout);
                var query = await DnsTcpFraming.ReadAsync(stream, idle.Token).ConfigureAwait(false);
                if (query is null) return;
                var reply = await _answer(query, true, cancellationToken).ConfigureAwait(false);
                if (reply is null) return;
                await DnsTcpFraming.WriteAsync(stream, reply, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // Idle, stopping, or the client went away.
        }
        finally
        {
            connection.Dispose();
            _connections.TryRemove(connection, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _udp.Dispose();
        _tcp.Dispose();
        foreach (var connection in _connections.Keys) connection.Dispose();
        await Task.WhenAll([_udpLoop, _tcpLoop, .. _connections.Values, .. _pendingUdp.Keys]).ConfigureAwait(false);
        _stop.Dispose();
    }
}
