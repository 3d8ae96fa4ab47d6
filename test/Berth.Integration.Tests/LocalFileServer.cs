using System.Net;
using System.Net.Sockets;

namespace Berth.Integration.Tests;

/// <summary>
/// A loopback HTTP server for <c>ADD &lt;URL&gt;</c> tests: serves the files put into <see cref="Files"/> by path,
/// with a fixed Last-Modified; anything else is 404. Disposing stops it.
/// </summary>
public sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalFileServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Path (<c>/dir/name</c>) → content.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastModified { get; } = new(2021, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            byte[]? body;
            lock (Files) body = Files.GetValueOrDefault(context.Request.Url!.AbsolutePath);
            if (body is null)
            {
                context.Response.StatusCode = 404;
            }
            else
            {
                context.Response.Headers["Last-Modified"] = LastModified.ToString("R");
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
