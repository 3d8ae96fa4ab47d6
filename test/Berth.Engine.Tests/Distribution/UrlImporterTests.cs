using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Berth.Core;
using Berth.Engine.Distribution;
using Berth.Engine.Tests.Images;

namespace Berth.Engine.Tests.Distribution;

/// <summary><c>fromSrc=&lt;url&gt;</c>: a tar served over HTTP becomes an image; bad sources and cancellation leave none.</summary>
public sealed class UrlImporterTests : IDisposable
{
    private readonly ImageServiceFixture _f = new();
    private readonly HttpListener _listener = new();
    private readonly string _base;
    private Func<HttpListenerContext, Task> _serve = c => Task.CompletedTask;
    private readonly Task _server;

    public UrlImporterTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _server = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(async () =>
            {
                try { await _serve(context); }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { /* the client went away */ }
                finally { try { context.Response.Close(); } catch (ObjectDisposedException) { } }
            });
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _server.Wait(TimeSpan.FromSeconds(10));
        _f.Dispose();
    }

    private void ServeBytes(byte[] body, int status = 200) => _serve = async c =>
    {
        c.Response.StatusCode = status;
        c.Response.ContentLength64 = body.Length;
        await c.Response.OutputStream.WriteAsync(body);
    };

    [Fact]
    public async Task ATarServedOverHttpBecomesAnImage()
    {
        var tar = ImageServiceFixture.BusyboxRootfs();
        using var gz = new MemoryStream();
        await using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) z.Write(tar);
        ServeBytes(gz.ToArray());
        using var importer = new UrlImporter(_f.Service);
        var progress = new List<(long, long?)>();

        var image = await importer.ImportAsync(_base + "rootfs.tar.gz", "fromurl:1", ["CMD [\"sh\"]"], null, (n, t) => progress.Add((n, t)), CancellationToken.None);

        Assert.Equal(["fromurl:1"], image.RepoTags);
        Assert.Equal(Digest.Compute(tar).ToString(), Assert.Single(image.Config.RootFs.DiffIds));
        Assert.Equal(["sh"], image.Config.Config!.Cmd!);
        Assert.Equal("Imported from " + _base + "rootfs.tar.gz", Assert.Single(image.Config.History!).Comment);
        Assert.Equal((gz.Length, (long?)gz.Length), progress[^1]);
    }

    [Fact]
    public async Task ASourceWithoutASchemeIsHttp()
    {
        var tar = ImageServiceFixture.BusyboxRootfs();
        ServeBytes(tar);
        using var importer = new UrlImporter(_f.Service);

        var image = await importer.ImportAsync(_base["http://".Length..] + "rootfs.tar", null, [], "msg", null, CancellationToken.None);

        Assert.Equal(Digest.Compute(tar).ToString(), Assert.Single(image.Config.RootFs.DiffIds));
        Assert.Equal("msg", Assert.Single(image.Config.History!).Comment);
    }

    [Fact]
    public async Task AnHttpErrorOrABadUrlImportsNothing()
    {
        ServeBytes("no such file"u8.ToArray(), 404);
        using var importer = new UrlImporter(_f.Service);

        var missing = await Assert.ThrowsAsync<BerthException>(() => importer.ImportAsync(_base + "missing.tar", "x:1", [], null, null, CancellationToken.None));
        Assert.Contains("404", missing.Message, StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<BerthException>(() => importer.ImportAsync("ftp://host/x.tar", "x:1", [], null, null, CancellationToken.None));
        Assert.Equal(ErrorKind.InvalidArgument, invalid.Kind);
        Assert.Empty(_f.Service.List());
    }

    [Fact]
    public async Task CancellingAStalledDownloadStopsTheImport()
    {
        var tar = ImageServiceFixture.BusyboxRootfs();
        var stalled = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _serve = async c =>
        {
            c.Response.ContentLength64 = tar.Length;
            await c.Response.OutputStream.WriteAsync(tar.AsMemory(0, tar.Length / 2));
            await c.Response.OutputStream.FlushAsync();
            stalled.TrySetResult();
            await release.Task;
        };
        using var importer = new UrlImporter(_f.Service);
        using var cancel = new CancellationTokenSource();

        var import = importer.ImportAsync(_base + "slow.tar", "slow:1", [], null, null, cancel.Token);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.WaitAsync(TimeSpan.FromSeconds(30)));
        release.TrySetResult();
        Assert.Empty(_f.Service.List());
    }
}
