using System.Text;
using Berth.Client;
using Berth.Client.Streams;
using Berth.Testing.Http;

namespace Berth.Cli.Tests.Commands;

/// <summary>Whole commands against a fake daemon: docker's call order, messages and exit codes.</summary>
public sealed class RunEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static async Task<(int ExitCode, string Out, string Err, string Stdout)> RunAsync(FakeEngineServer server, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var stdout = new MemoryStream();
        var context = new CliContext
        {
            Out = output,
            Err = error,
            StdoutStream = stdout,
            StderrStream = new MemoryStream(),
            OpenStdin = () => new MemoryStream("y\n"u8.ToArray()),
            Environment = _ => null,
            ClientFactory = endpoint => new BerthClient(endpoint),
        };
        var code = await BerthCommandLine.RunAsync(["-H", server.Host, .. args], context, CancellationToken.None).WaitAsync(Timeout);
        return (code, output.ToString(), error.ToString(), Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private static async Task<bool> Respond(Stream stream, int status, string body)
    {
        await FakeEngineServer.WriteResponseAsync(stream, status, body);
        return true;
    }

    [Fact]
    public async Task Run_AttachesWaitsStartsStreamsAndExitsWithContainerCode()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new FakeEngineServer(async (request, stream) =>
        {
            switch (request.Path.Split('/').Last())
            {
                case "create":
                    return await Respond(stream, 201, """{"Id":"c0ffee","Warnings":[]}""");
                case "attach":
                    await FakeEngineServer.WriteUpgradeAsync(stream);
                    await started.Task;
                    await MultiplexedStreamReader.WriteFrameAsync(stream, StdStreamType.Stdout, "hi\n"u8.ToArray(), CancellationToken.None);
                    return false;
                case "wait":
                    // As dockerd: the headers at once (the wait is registered), the body when the container is gone.
                    await FakeEngineServer.WriteResponseHeadAsync(stream, 200, """{"StatusCode":7}""".Length);
                    await started.Task;
                    await stream.WriteAsync("""{"StatusCode":7}"""u8.ToArray());
                    await stream.FlushAsync();
                    return true;
                case "start":
                    started.TrySetResult();
                    await FakeEngineServer.WriteResponseAsync(stream, 204, "", "text/plain");
                    return true;
                default:
                    return await Respond(stream, 404, """{"message":"unexpected"}""");
            }
        });

        var (code, _, err, stdout) = await RunAsync(server, "run", "--rm", "busybox", "echo", "hi");

        Assert.Equal(7, code);
        Assert.Equal("hi\n", stdout);
        Assert.Equal("", err);
        var order = server.Requests.Select(r => r.Path.Split('/').Last()).Where(p => p != "_ping").ToList();
        Assert.Equal(["create", "attach", "wait", "start"], order);
        Assert.Equal("condition=removed", server.Requests.Single(r => r.Path.EndsWith("/wait", StringComparison.Ordinal)).Query);
        var create = Encoding.UTF8.GetString(server.Requests.Single(r => r.Path.EndsWith("/create", StringComparison.Ordinal)).Body);
        Assert.Contains("\"AutoRemove\":true", create, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingImage_PrintsDockerMessagesAndExits125()
    {
        await using var server = new FakeEngineServer((request, stream) => Respond(stream, 404, """{"message":"No such image: busybox:latest"}"""));

        var (code, _, err, _) = await RunAsync(server, "run", "busybox");

        Assert.Equal(125, code);
        Assert.Equal("Unable to find image 'busybox:latest' locally\nberth: Error response from daemon: No such image: busybox:latest\n", err.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("failed to create task: exec: \"nope\": executable file not found in $PATH", 127)]
    [InlineData("exec /bin/x: permission denied", 126)]
    [InlineData("cgroup trouble", 125)]
    public async Task RunDetached_StartFailureExitCodes(string message, int expected)
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path.EndsWith("/create", StringComparison.Ordinal)
            ? Respond(stream, 201, """{"Id":"c1"}""")
            : Respond(stream, 400, $$"""{"message":"{{message.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}"""));

        var (code, output, err, _) = await RunAsync(server, "run", "-d", "busybox", "nope");

        Assert.Equal(expected, code);
        Assert.Equal("", output);
        Assert.Contains("Error response from daemon: " + message, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_PrintsNamesAndReportsFailures()
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path.Contains("/missing/", StringComparison.Ordinal)
            ? Respond(stream, 404, """{"message":"No such container: missing"}""")
            : FakeEngineServer.WriteResponseAsync(stream, 204, "", "text/plain").ContinueWith(_ => true, TaskScheduler.Default));

        var (code, output, err, _) = await RunAsync(server, "stop", "-t", "3", "web", "missing");

        Assert.Equal(1, code);
        Assert.Equal("web\n", output.ReplaceLineEndings("\n"));
        Assert.Equal("Error response from daemon: No such container: missing\n", err.ReplaceLineEndings("\n"));
        Assert.Equal("t=3", server.Requests.First(r => r.Path.EndsWith("/stop", StringComparison.Ordinal)).Query);
    }

    [Fact]
    public async Task Inspect_FallsBackToImagesAndAppliesFormat()
    {
        await using var server = new FakeEngineServer((request, stream) => request.Path.StartsWith("/v1.48/containers/", StringComparison.Ordinal)
            ? Respond(stream, 404, """{"message":"No such container: busybox"}""")
            : Respond(stream, 200, """{"Id":"sha256:abc","RepoTags":["busybox:latest"],"Config":{"Cmd":["sh"]}}"""));

        var (code, output, _, _) = await RunAsync(server, "inspect", "-f", "{{.Id}} {{json .Config.Cmd}} {{index .RepoTags 0}}", "busybox");

        Assert.Equal(0, code);
        Assert.Equal("sha256:abc [\"sh\"] busybox:latest\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ContainerPrune_AsksThenReports()
    {
        await using var server = new FakeEngineServer((request, stream) => Respond(stream, 200, """{"ContainersDeleted":["aaa","bbb"],"SpaceReclaimed":2048}"""));

        var (code, output, _, _) = await RunAsync(server, "container", "prune");

        Assert.Equal(0, code);
        Assert.Equal(
            "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] Deleted Containers:\naaa\nbbb\n\nTotal reclaimed space: 2.048kB\n",
            output.ReplaceLineEndings("\n"));
    }
}
