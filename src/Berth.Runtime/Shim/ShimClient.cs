using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Berth.Core;

namespace Berth.Runtime.Shim;

/// <summary>The daemon's side of shim.sock: one connection per request, one JSON line each way.</summary>
public sealed class ShimClient
{
    private readonly string _socketPath;

    public ShimClient(string socketPath) => _socketPath = socketPath;

    public string SocketPath => _socketPath;

    /// <summary>Sends <paramref name="request"/> and reads the answer; throws <see cref="ShimUnavailableException"/> when the shim is gone.</summary>
    public async Task<ShimResponse> CallAsync(ShimRequest request, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new ShimUnavailableException($"shim at {_socketPath}: {e.Message}", e);
        }
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var line = RequestLine(request);
        try
        {
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            var reply = await ReadLineAsync(stream, cancellationToken).ConfigureAwait(false)
                ?? throw new ShimUnavailableException($"shim at {_socketPath} closed the connection");
            return JsonSerializer.Deserialize(reply, ShimJsonContext.Default.ShimResponse)
                ?? throw new BerthException(ErrorKind.Internal, "empty shim response");
        }
        catch (IOException e)
        {
            throw new ShimUnavailableException($"shim at {_socketPath}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Opens a streaming op (attach, exec): sends the request, reads the response line and, when it is ok,
    /// returns the connection as a <see cref="ShimStream"/> (null stream otherwise). Throws
    /// <see cref="ShimUnavailableException"/> when the shim is gone.
    /// </summary>
    public async Task<(ShimResponse Response, ShimStream? Stream)> OpenStreamAsync(ShimRequest request, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        NetworkStream? stream = null;
        try
        {
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new ShimUnavailableException($"shim at {_socketPath}: {e.Message}", e);
            }
            stream = new NetworkStream(socket, ownsSocket: false);
            var line = RequestLine(request);
            (string? Line, byte[] Following) answer;
            try
            {
                await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                answer = await ReadLineWithRestAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new ShimUnavailableException($"shim at {_socketPath}: {e.Message}", e);
            }
            var response = answer.Line is null
                ? throw new ShimUnavailableException($"shim at {_socketPath} closed the connection")
                : JsonSerializer.Deserialize(answer.Line, ShimJsonContext.Default.ShimResponse)
                  ?? throw new BerthException(ErrorKind.Internal, "empty shim response");
            if (!response.Ok)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                socket.Dispose();
                return (response, null);
            }
            var opened = new ShimStream(socket, stream, answer.Following);
            stream = null;
            socket = null!;
            return (response, opened);
        }
        catch
        {
            if (stream is not null) await stream.DisposeAsync().ConfigureAwait(false);
            socket?.Dispose();
            throw;
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken) =>
        (await ReadLineWithRestAsync(stream, cancellationToken).ConfigureAwait(false)).Line;

    /// <summary>One line, and whatever bytes arrived after it (the start of a stream).</summary>
    private static async Task<(string? Line, byte[] Following)> ReadLineWithRestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var one = new byte[4096];
        while (true)
        {
            var n = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (n == 0) return (null, []);
            var newline = Array.IndexOf(one, (byte)'\n', 0, n);
            if (newline >= 0)
            {
                buffer.Write(one, 0, newline);
                return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), one.AsSpan(newline + 1, n - newline - 1).ToArray());
            }
            buffer.Write(one, 0, n);
        }
    }

    /// <summary>The request as one protocol line (JSON and its newline), sent in a single write.</summary>
    private static byte[] RequestLine(ShimRequest request)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(request, ShimJsonContext.Default.ShimRequest);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }
}
