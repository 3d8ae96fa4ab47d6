using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Berth.Testing.Http;

/// <summary>
/// A minimal HTTP/1.1 server on a unix socket in a temp directory, for testing Engine API clients without a daemon.
/// Each request goes to <see cref="Handler"/>, which writes the whole response to the connection stream and returns
/// true to keep the connection open for the next request (false after a hijack or to close).
/// <c>/_ping</c> is answered by default with <see cref="ApiVersion"/>.
/// </summary>
public sealed class FakeEngineServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly string _directory;

    public FakeEngineServer(Func<FakeEngineRequest, Stream, Task<bool>> handler)
    {
        Handler = handler;
        _directory = Directory.CreateTempSubdirectory("berth-fake-engine-").FullName;
        SocketPath = System.IO.Path.Combine(_directory, "engine.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(16);
        _acceptLoop = AcceptLoopAsync();
    }

    public Func<FakeEngineRequest, Stream, Task<bool>> Handler { get; set; }

    public string SocketPath { get; }

    public string Host => "unix://" + SocketPath;

    public string ApiVersion { get; set; } = "1.48";

    public ConcurrentQueue<FakeEngineRequest> Requests { get; } = new();

    /// <summary>Writes a complete response with a body.</summary>
    public static async Task WriteResponseAsync(Stream stream, int status, string body, string contentType = "application/json", IEnumerable<(string, string)>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteResponseAsync(stream, status, bytes, contentType, headers);
    }

    public static async Task WriteResponseAsync(Stream stream, int status, byte[] body, string contentType, IEnumerable<(string, string)>? headers = null)
    {
        await WriteResponseHeadAsync(stream, status, body.Length, contentType, headers);
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    /// <summary>Only the status line and headers (flushed): the caller writes the body of <paramref name="length"/> bytes later.</summary>
    public static async Task WriteResponseHeadAsync(Stream stream, int status, int length, string contentType = "application/json", IEnumerable<(string, string)>? headers = null)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(status < 300 ? "OK" : "Error")}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.FlushAsync();
    }

    /// <summary>Writes a 101 head for a hijacked stream; the caller then writes raw bytes and closes.</summary>
    public static async Task WriteUpgradeAsync(Stream stream, bool multiplexed = true)
    {
        var type = multiplexed ? "application/vnd.docker.multiplexed-stream" : "application/vnd.docker.raw-stream";
        var head = $"HTTP/1.1 101 UPGRADED\r\nContent-Type: {type}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();
    }

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                connections.Add(ServeAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new List<byte>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(stream, buffer);
                if (request is null)
                {
                    return;
                }
                Requests.Enqueue(request);
                if (request.Path == "/_ping")
                {
                    await WriteResponseAsync(stream, 200, "OK", "text/plain", [("API-Version", ApiVersion), ("OSType", "linux"), ("Docker-Experimental", "false")]);
                    continue;
                }
                if (!await Handler(request, stream))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away.
        }
    }

    private async Task<FakeEngineRequest?> ReadRequestAsync(Stream stream, List<byte> buffer)
    {
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray()).Split("\r\n");
        buffer.RemoveRange(0, headEnd + 4);
        var requestLine = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body;
        if (headers.TryGetValue("Content-Length", out var lengthText))
        {
            var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
            while (buffer.Count < length)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return null;
                }
                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            }
            body = buffer.GetRange(0, length).ToArray();
            buffer.RemoveRange(0, length);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(stream, buffer, chunk);
        }
        else
        {
            body = [];
        }
        return new FakeEngineRequest(requestLine[0], requestLine[1], headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync(Stream stream, List<byte> buffer, byte[] chunk)
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(buffer, "\r\n"u8.ToArray())) < 0)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return [.. body];
                }
                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            }
            var size = int.Parse(Encoding.ASCII.GetString(buffer.GetRange(0, lineEnd).ToArray()).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            buffer.RemoveRange(0, lineEnd + 2);
            while (buffer.Count < size + 2)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return [.. body];
                }
                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            }
            body.AddRange(buffer.GetRange(0, size));
            buffer.RemoveRange(0, size + 2);
            if (size == 0)
            {
                return [.. body];
            }
        }
    }

    private static int IndexOf(List<byte> buffer, byte[] pattern)
    {
        for (var i = 0; i <= buffer.Count - pattern.Length; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = buffer[i + j] == pattern[j];
            }
            if (match)
            {
                return i;
            }
        }
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _acceptLoop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // A handler is stuck; the test has already failed or finished.
        }
        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
