using System.Net;
using System.Net.Sockets;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// Sends a query on to upstream resolvers, in order, from berthd's own network namespace: over UDP (a fresh
/// connected socket per query, so only the upstream's reply reaches it) or over TCP for queries that came over
/// TCP. Returns the first reply with the query's ID, or null when none answered within the timeout.
/// </summary>
public sealed class DnsForwarder(TimeSpan timeoutPerUpstream)
{
    /// <summary>At most this many upstreams are tried (glibc's MAXNS).</summary>
    public const int MaxUpstreams = 3;
    private const int MaxUdpReply = 65535;

    public async Task<byte[]?> ForwardAsync(ReadOnlyMemory<byte> query, ushort id, IReadOnlyList<IPEndPoint> upstreams, bool overTcp, CancellationToken cancellationToken)
    {
        foreach (var upstream in upstreams.Take(MaxUpstreams))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(timeoutPerUpstream);
            try
            {
                var reply = overTcp
                    ? await OverTcpAsync(query, upstream, timeout.Token).ConfigureAwait(false)
                    : await OverUdpAsync(query, id, upstream, timeout.Token).ConfigureAwait(false);
                if (reply is not null) return reply;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This upstream did not answer in time: the next one.
            }
            catch (SocketException)
            {
                // Unreachable or refused: the next one.
            }
        }
        return null;
    }

    private static async Task<byte[]?> OverUdpAsync(ReadOnlyMemory<byte> query, ushort id, IPEndPoint upstream, CancellationToken cancellationToken)
    {
        using var socket = new Socket(upstream.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(upstream, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(query, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxUdpReply];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (DnsMessage.TryReadHeader(buffer.AsSpan(0, received), out var header) && header.IsResponse && header.Id == id)
                return buffer.AsSpan(0, received).ToArray();
        }
    }

    private static async Task<byte[]?> OverTcpAsync(ReadOnlyMemory<byte> query, IPEndPoint upstream, CancellationToken cancellationToken)
    {
        using var socket = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(upstream, cancellationToken).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await DnsTcpFraming.WriteAsync(stream, query, cancellationToken).ConfigureAwait(false);
        return await DnsTcpFraming.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
