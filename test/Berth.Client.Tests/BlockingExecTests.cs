using System.Net;
using System.Text;
using Berth.Api;
using Berth.Client.Streams;
using Berth.Testing.Http;

namespace Berth.Client.Tests;

/// <summary>The blocking exec calls (the <c>berth exec</c> path without stdin or a TTY) against a fake Engine API server.</summary>
public sealed class BlockingExecTests
{
    private static Task<bool> Json(Stream stream, int status, string body, bool keepOpen = true) =>
        FakeEngineServer.WriteResponseAsync(stream, status, body).ContinueWith(_ => keepOpen, TaskScheduler.Default);

    private static async Task<bool> Hijacked(Stream stream)
    {
        await FakeEngineServer.WriteUpgradeAsync(stream);
        await MultiplexedStreamReader.WriteFrameAsync(stream, StdStreamType.Stdout, "out\n"u8.ToArray(), CancellationToken.None);
        await MultiplexedStreamReader.WriteFrameAsync(stream, StdStreamType.Stderr, "err\n"u8.ToArray(), CancellationToken.None);
        return false; // closing the connection ends the stream
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the daemon closes after every answer: the next request dials again
    public async Task CreateStartInspect_CopiesOutputAndReadsExitCode(bool keepAlive)
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path switch
        {
            "/containers/box/exec" => Json(stream, 201, """{"Id":"e1"}""", keepAlive),
            "/exec/e1/start" => Hijacked(stream),
            "/exec/e1/json" => Json(stream, 200, """{"ID":"e1","Running":false,"ExitCode":3}""", keepAlive),
            _ => Json(stream, 404, """{"message":"unexpected"}"""),
        });
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();

        var (exitCode, requests) = await Task.Run(() =>
        {
            var id = client.Exec.Create("box", new ExecConfig { Cmd = ["sh", "-c", "x"], AttachStdout = true, AttachStderr = true });
            using (var stream = client.Exec.StartAttached(id, new ExecStartConfig()))
            {
                stream.CopyOutputTo(stdout, stderr);
            }
            return (client.Exec.Inspect(id).ExitCode, server.Requests.ToArray());
        }).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, exitCode);
        Assert.Equal("out\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err\n", Encoding.UTF8.GetString(stderr.ToArray()));
        Assert.Equal(["/containers/box/exec", "/exec/e1/start", "/exec/e1/json"], requests.Select(r => r.Path)); // bare paths: no ping round trip
        Assert.Contains("\"sh\"", Encoding.UTF8.GetString(requests[0].Body), StringComparison.Ordinal);
        Assert.Equal("tcp", requests[1].Headers["Upgrade"]);
    }

    [Fact]
    public async Task DaemonErrors_CarryTheirMessage()
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path switch
        {
            "/containers/gone/exec" => Json(stream, 404, """{"message":"No such container: gone"}"""),
            "/exec/e2/start" => Json(stream, 409, """{"message":"Container box is not running"}""", keepOpen: false),
            _ => Json(stream, 404, """{"message":"unexpected"}"""),
        });
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var (notFound, conflict) = await Task.Run(() => (
            Assert.Throws<BerthApiException>(() => client.Exec.Create("gone", new ExecConfig { Cmd = ["true"] })),
            Assert.Throws<BerthApiException>(() => client.Exec.StartAttached("e2", new ExecStartConfig())))).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("No such container: gone", notFound.Message);
        Assert.True(notFound.IsNotFound);
        Assert.Equal("Container box is not running", conflict.Message);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public void MissingSocket_IsAConnectionError()
    {
        using var client = new BerthClient(DaemonEndpoint.Parse("unix:///nonexistent/berth.sock"));
        var error = Assert.Throws<DaemonConnectionException>(() => client.Exec.Create("box", new ExecConfig { Cmd = ["true"] }));
        Assert.Contains("unix:///nonexistent/berth.sock", error.Message, StringComparison.Ordinal);
    }
}
