using System.Net;
using System.Net.Sockets;

namespace Berth.Testing;

/// <summary>
/// A tiny upstream DNS server for tests (no internet here): on UDP and TCP at the given endpoint, it answers
/// every query with one A record of <see cref="Answer"/> for the question's name and counts what it served.
/// Deliberately independent of berth's own DNS code, so it checks that code from outside.
/// </summary>
public sealed class DnsTestResponder : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _tcp = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Task _tcpLoop;
    private int _served;

    public DnsTestResponder(IPEndPoint endpoint, IPAddress answer)
    {
        Answer = answer;
        _socket.Bind(endpoint);
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _tcp.Bind(Endpoint);
        _tcp.Listen(8);
        _loop = ServeAsync();
        _tcpLoop = ServeTcpAsync();
    }

    public IPEndPoint Endpoint { get; }

    public IPAddress Answer { get; }

    public int Served => Volatile.Read(ref _served);

    private async Task ServeAsync()
    {
        var buffer = new byte[4096];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (Reply(buffer.AsSpan(0, received.ReceivedBytes)) is not { } reply) continue;
            Interlocked.Increment(ref _served);
            await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint);
        }
    }

    private async Task ServeTcpAsync()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await _tcp.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            using (connection)
            await using (var stream = new NetworkStream(connection))
            {
                var prefix = new byte[2];
                await stream.ReadExactlyAsync(prefix, _stop.Token);
                var query = new byte[(prefix[0] << 8) | prefix[1]];
                await stream.ReadExactlyAsync(query, _stop.Token);
                if (Reply(query) is not { } reply) continue;
                Interlocked.Increment(ref _served);
                await stream.WriteAsync(new byte[] { (byte)(reply.Length >> 8), (byte)reply.Length }, _stop.Token);
                await stream.WriteAsync(reply, _stop.Token);
            }
        }
    }

    /// <summary>Header with QR/RA set and one answer; the question copied; answer name = pointer to offset 12.</summary>
    private byte[]? Reply(ReadOnlySpan<byte> query)
    {
        if (query.Length < 12 || query[5] != 1) return null;
        var end = 12;
        while (end < query.Length && query[end] != 0) end += query[end] + 1;
        end += 5; // the root label, type and class
        if (end > query.Length) return null;
        var isA = query[end - 4] == 0 && query[end - 3] == 1;
        var reply = new List<byte>(query[..end].ToArray());
        reply[2] = (byte)(0x80 | (query[2] & 0x01));
        reply[3] = 0x80;
        reply[6] = 0;
        reply[7] = (byte)(isA ? 1 : 0);
        reply[8] = reply[9] = reply[10] = reply[11] = 0;
        if (isA) reply.AddRange([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, .. Answer.GetAddressBytes()]);
        return [.. reply];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        _tcp.Dispose();
        await Task.WhenAll(_loop, _tcpLoop);
        _stop.Dispose();
    }
}
