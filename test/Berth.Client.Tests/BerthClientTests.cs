using System.Net;
using System.Text;
using Berth.Api;
using Berth.Client.Streams;
using Berth.Testing.Http;

namespace Berth.Client.Tests;

/// <summary>The client against a fake Engine API server on a unix socket.</summary>
public sealed class BerthClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static Task<bool> Json(Stream stream, int status, string body) =>
        FakeEngineServer.WriteResponseAsync(stream, status, body).ContinueWith(_ => true, TaskScheduler.Default);

    [Theory]
    [InlineData("1.41", "/v1.41/version")]
    [InlineData("1.99", "/v1.48/version")]
    [InlineData("garbage", "/v1.48/version")]
    public async Task Negotiation_UsesMinimumOfClientAndDaemonVersions(string daemonVersion, string expectedPath)
    {
        await using var server = new FakeEngineServer((request, stream) => Json(stream, 200, """{"Version":"1.0","ApiVersion":"1.41"}"""))
        {
            ApiVersion = daemonVersion,
        };
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var version = await client.System.VersionAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("1.0", version.Version);
        Assert.Contains(server.Requests, r => r.Path == "/_ping");
        Assert.Contains(server.Requests, r => r.Path == expectedPath);
    }

    [Fact]
    public async Task ErrorResponses_CarryTheDaemonMessage()
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path.EndsWith("/json", StringComparison.Ordinal)
            ? Json(stream, 404, """{"message":"No such container: nope"}""")
            : FakeEngineServer.WriteResponseAsync(stream, 500, "plain failure", "text/plain").ContinueWith(_ => true, TaskScheduler.Default));
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var notFound = await Assert.ThrowsAsync<BerthApiException>(() => client.Containers.InspectAsync("nope", false, CancellationToken.None)).WaitAsync(Timeout);
        Assert.Equal("No such container: nope", notFound.Message);
        Assert.True(notFound.IsNotFound);

        var plain = await Assert.ThrowsAsync<BerthApiException>(() => client.Containers.StartAsync("x", CancellationToken.None)).WaitAsync(Timeout);
        Assert.Equal("plain failure", plain.Message);
        Assert.Equal(HttpStatusCode.InternalServerError, plain.StatusCode);
    }

    [Fact]
    public async Task MissingSocket_IsAConnectionError()
    {
        using var client = new BerthClient(DaemonEndpoint.Parse("unix:///nonexistent/berth.sock"));
        var error = await Assert.ThrowsAsync<DaemonConnectionException>(() => client.System.InfoAsync(CancellationToken.None)).WaitAsync(Timeout);
        Assert.Contains("unix:///nonexistent/berth.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndCreate_SendDockerQueryAndBody()
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path switch
        {
            "/v1.48/containers/json" => Json(stream, 200, """[{"Id":"abc","Names":["/web"],"State":"running"}]"""),
            "/v1.48/containers/create" => Json(stream, 201, """{"Id":"new","Warnings":[]}"""),
            _ => Json(stream, 404, """{"message":"unexpected"}"""),
        });
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var list = await client.Containers.ListAsync(new ContainerListOptions
        {
            All = true,
            Filters = new Dictionary<string, List<string>> { ["status"] = ["running"] },
        }, CancellationToken.None).WaitAsync(Timeout);
        var created = await client.Containers.CreateAsync(new ContainerCreateRequest { Image = "busybox", Cmd = ["true"] }, "web", null, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("web", list[0].Names![0].TrimStart('/'));
        Assert.Equal("new", created.Id);
        var listRequest = server.Requests.Single(r => r.Path == "/v1.48/containers/json");
        Assert.Equal("all=1&filters=" + Uri.EscapeDataString("""{"status":{"running":true}}"""), listRequest.Query);
        var createRequest = server.Requests.Single(r => r.Path == "/v1.48/containers/create");
        Assert.Equal("name=web", createRequest.Query);
        Assert.Contains("\"Image\":\"busybox\"", Encoding.UTF8.GetString(createRequest.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_HijacksAndDemultiplexes()
    {
        await using var server = new FakeEngineServer(async (request, stream) =>
        {
            await FakeEngineServer.WriteUpgradeAsync(stream);
            await MultiplexedStreamReader.WriteFrameAsync(stream, StdStreamType.Stdout, "hello\n"u8.ToArray(), CancellationToken.None);
            await MultiplexedStreamReader.WriteFrameAsync(stream, StdStreamType.Stderr, "oops\n"u8.ToArray(), CancellationToken.None);
            await MultiplexedStreamReader.WriteFrameAsync(stream, StdStreamType.Stdout, "bye\n"u8.ToArray(), CancellationToken.None);
            return false;
        });
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        await using var attach = await client.Containers.AttachAsync("c1", new ContainerAttachOptions(), CancellationToken.None).WaitAsync(Timeout);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await attach.CopyOutputToAsync(stdout, stderr, CancellationToken.None).WaitAsync(Timeout);

        Assert.True(attach.IsMultiplexed);
        Assert.Equal("hello\nbye\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("oops\n", Encoding.UTF8.GetString(stderr.ToArray()));
        var request = server.Requests.Single(r => r.Path.EndsWith("/attach", StringComparison.Ordinal));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.48/containers/c1/attach", request.Path);
        Assert.Equal("stream=1&stdout=1&stderr=1", request.Query);
        Assert.Equal("Upgrade", request.Headers["Connection"]);
        Assert.Equal("tcp", request.Headers["Upgrade"]);
    }

    [Fact]
    public async Task Attach_ErrorBeforeUpgradeIsAnApiError()
    {
        await using var server = new FakeEngineServer((request, stream) => Json(stream, 404, """{"message":"No such container: c9"}"""));
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var error = await Assert.ThrowsAsync<BerthApiException>(() => client.Containers.AttachAsync("c9", new ContainerAttachOptions(), CancellationToken.None)).WaitAsync(Timeout);
        Assert.Equal("No such container: c9", error.Message);
    }

    [Fact]
    public async Task Logs_StreamMultiplexedFrames()
    {
        var body = new MemoryStream();
        await MultiplexedStreamReader.WriteFrameAsync(body, StdStreamType.Stdout, "line 1\n"u8.ToArray(), CancellationToken.None);
        await MultiplexedStreamReader.WriteFrameAsync(body, StdStreamType.Stderr, "warn\n"u8.ToArray(), CancellationToken.None);
        await using var server = new FakeEngineServer(async (request, stream) =>
        {
            await FakeEngineServer.WriteResponseAsync(stream, 200, body.ToArray(), "application/vnd.docker.multiplexed-stream");
            return true;
        });
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        await using var logs = await client.Containers.LogsAsync("c1", new ContainerLogsOptions { Tail = "10", Since = "1700000000" }, CancellationToken.None).WaitAsync(Timeout);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        await new MultiplexedStreamReader(logs).CopyToAsync(stdout, stderr, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("line 1\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("warn\n", Encoding.UTF8.GetString(stderr.ToArray()));
        Assert.Equal("stdout=1&stderr=1&since=1700000000&tail=10", server.Requests.Single(r => r.Path.EndsWith("/logs", StringComparison.Ordinal)).Query);
    }

    [Fact]
    public async Task Import_UploadsBodyAndReadsProgress()
    {
        await using var server = new FakeEngineServer((request, stream) =>
            FakeEngineServer.WriteResponseAsync(stream, 200, "{\"status\":\"importing\"}\r\n\n{\"status\":\"sha256:feed\"}\n", "application/json").ContinueWith(_ => true, TaskScheduler.Default));
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var messages = new List<JsonMessage>();
        await foreach (var message in client.Images.ImportAsync(new MemoryStream("tar bytes"u8.ToArray()),
            new ImageImportOptions { Repository = "me/app", Tag = "1", Message = "m", Changes = ["CMD [\"sh\"]", "ENV A=1"] }, CancellationToken.None))
        {
            messages.Add(message);
        }

        Assert.Equal(["importing", "sha256:feed"], messages.Select(m => m.Status));
        var request = server.Requests.Single(r => r.Path == "/v1.48/images/create");
        Assert.Equal("tar bytes", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("fromSrc=-&repo=me%2Fapp&tag=1&message=m&changes=CMD%20%5B%22sh%22%5D&changes=ENV%20A%3D1", request.Query);
    }

    [Fact]
    public async Task BeginWait_ReturnsOnceTheDaemonAnsweredTheHeaders_ResultArrivesLater()
    {
        var headers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waitReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const string body = """{"StatusCode":3}""";
        await using var server = new FakeEngineServer(async (request, stream) =>
        {
            waitReceived.TrySetResult();
            await headers.Task;
            // As the daemons do: headers once the wait is registered, the body when the condition is met.
            await FakeEngineServer.WriteResponseHeadAsync(stream, 200, body.Length);
            await release.Task;
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body));
            await stream.FlushAsync();
            return true;
        });
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        var begin = client.Containers.BeginWaitAsync("c1", "next-exit", CancellationToken.None);
        await waitReceived.Task.WaitAsync(Timeout);
        Assert.False(begin.IsCompleted); // sent, but not yet registered: a start now could overtake it
        headers.SetResult();
        var waiter = await begin.WaitAsync(Timeout);
        Assert.False(waiter.Result.IsCompleted);

        release.SetResult();
        var result = await waiter.Result.WaitAsync(Timeout);
        Assert.Equal(3, result.StatusCode);
        Assert.Equal("condition=next-exit", server.Requests.Single(r => r.Path.EndsWith("/wait", StringComparison.Ordinal)).Query);
    }

    [Fact]
    public async Task ImageNamesWithSlashesStayInThePath()
    {
        await using var server = new FakeEngineServer((request, stream) => FakeEngineServer.WriteResponseAsync(stream, 201, "", "text/plain").ContinueWith(_ => true, TaskScheduler.Default));
        using var client = new BerthClient(DaemonEndpoint.Parse(server.Host));

        await client.Images.TagAsync("localhost:5000/team/app:1", "other/app", "2", CancellationToken.None).WaitAsync(Timeout);

        var request = server.Requests.Single(r => r.Path.EndsWith("/tag", StringComparison.Ordinal));
        Assert.Equal("/v1.48/images/localhost%3A5000/team/app%3A1/tag", request.Path);
        Assert.Equal("repo=other%2Fapp&tag=2", request.Query);
    }
}
