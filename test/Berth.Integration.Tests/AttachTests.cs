using System.Net;
using System.Net.Sockets;
using System.Text;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Attach without a terminal: stdin through run -i, many attachers, logs replay, bad input, resize, vanished clients.</summary>
[Collection(EngineCollection.Name)]
public sealed class AttachTests(EngineFixture engine)
{
    [Theory]
    [InlineData("berth")]
    [InlineData("docker")]
    public async Task PipedStdinReachesRunInteractive(string cli)
    {
        var result = await engine.Cli.RunAsync(cli, ["run", "-i", "--rm", "busybox", "cat"], "hi\n"u8.ToArray());
        Assert.Equal("hi\n", result.EnsureSuccess().Stdout);
    }

    [Fact]
    public async Task RunRmPrintsEveryTime()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"hi{i}\n", (await engine.Berth("run", "--rm", "busybox", "echo", $"hi{i}")).EnsureSuccess().Stdout);
        }
    }

    [Fact]
    public async Task TwoAttachersBothSeeTheOutputUntilTheContainerStops()
    {
        var id = (await engine.Berth("run", "-d", "--name", "att-two", "busybox", "sh", "-c",
            "trap 'echo bye; exit 0' TERM; i=0; while true; do echo tick$i; i=$((i+1)); sleep 0.1; done")).EnsureSuccess().Stdout.Trim();
        var first = engine.Berth("attach", "--no-stdin", "att-two");
        var second = engine.Cli.RunAsync("docker", ["attach", "--no-stdin", "att-two"]);
        await Poll.UntilAsync(() => AttachedCount(id) >= 2, TimeSpan.FromSeconds(20), "two attachers");
        // Both are subscribed: let the container print at least one tick more before it is stopped.
        async Task<int> Ticks() => (await engine.Berth("logs", "att-two")).EnsureSuccess().Stdout.Split('\n').Count(l => l.StartsWith("tick", StringComparison.Ordinal));
        var seen = await Ticks();
        await Poll.UntilAsync(async () => await Ticks() >= seen + 2, TimeSpan.FromSeconds(20), "ticks after both attached");
        (await engine.Berth("stop", "att-two")).EnsureSuccess();
        foreach (var result in new[] { await first, await second })
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("tick", result.Stdout);
            Assert.EndsWith("bye\n", result.Stdout);
        }
        (await engine.Berth("rm", "att-two")).EnsureSuccess();
    }

    [Fact]
    public async Task LogsReplayThenLiveOutput()
    {
        (await engine.Berth("run", "-d", "-i", "--name", "att-logs", "busybox", "sh", "-c", "echo early; read x; echo late-$x")).EnsureSuccess();
        await Poll.UntilAsync(async () => (await engine.Berth("logs", "att-logs")).Stdout.Contains("early", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        using var attach = await HijackAsync("/containers/att-logs/attach?stream=1&stdin=1&stdout=1&stderr=1&logs=1");
        Assert.Contains("101 UPGRADED", attach.Head);
        await attach.Stream.WriteAsync("now\n"u8.ToArray());
        var output = await attach.ReadToEndAsync();
        Assert.Contains("early", output);
        Assert.Contains("late-now", output);
        // The stream ends with the container's output; its exit is recorded a moment later.
        (await engine.Berth("wait", "att-logs")).EnsureSuccess();
        (await engine.Berth("rm", "att-logs")).EnsureSuccess();
    }

    [Fact]
    public async Task BadDetachKeysAre400AndMissingContainersAre404()
    {
        (await engine.Berth("create", "--name", "att-bad", "busybox", "true")).EnsureSuccess();
        using (var bad = await HijackAsync("/containers/att-bad/attach?stream=1&detachKeys=ctrl-A"))
        {
            Assert.StartsWith("HTTP/1.1 400", bad.Head);
            Assert.Contains("Invalid detach keys (ctrl-A) provided", await bad.ReadToEndAsync());
        }
        using (var missing = await HijackAsync("/containers/nope/attach?stream=1"))
        {
            Assert.StartsWith("HTTP/1.1 404", missing.Head);
            Assert.Contains("No such container: nope", await missing.ReadToEndAsync());
        }
        foreach (var cli in new[] { "berth", "docker" })
        {
            var result = await engine.Cli.RunAsync(cli, ["attach", "nope"]);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("No such container: nope", result.Stderr);
        }
        var keys = await engine.Berth("attach", "--detach-keys", "shift-a", "att-bad");
        Assert.Equal(1, keys.ExitCode);
        Assert.Contains("invalid detach keys (shift-a): Unknown character: 'shift-a'", keys.Stderr);
        var stopped = await engine.Berth("attach", "att-bad");
        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("You cannot attach to a stopped container, start it first", stopped.Stderr);
        (await engine.Berth("rm", "att-bad")).EnsureSuccess();
    }

    [Fact]
    public async Task TheDaemonDetachesOnTheKeysOfTheQueryWithATty()
    {
        var since = EventsTests.SinceNow();
        (await engine.Berth("run", "-dit", "--name", "att-api-keys", "busybox", "sh")).EnsureSuccess();
        using (var attach = await HijackAsync("/containers/att-api-keys/attach?stream=1&stdin=1&stdout=1&stderr=1&detachKeys=ctrl-x,x"))
        {
            Assert.Contains("application/vnd.docker.raw-stream", attach.Head);
            await attach.Stream.WriteAsync(new byte[] { 16, 17 }); // the default keys are just input here
            await attach.Stream.WriteAsync("echo api-$((3*3))\r"u8.ToArray());
            await attach.ReadUntilAsync("api-9");
            await attach.Stream.WriteAsync(new byte[] { 24, (byte)'x' });
            await attach.ReadToEndAsync(); // the daemon ends this attach only
        }
        Assert.Equal("true", (await engine.Berth("inspect", "-f", "{{.State.Running}}", "att-api-keys")).EnsureSuccess().Stdout.Trim());
        var events = await engine.Berth("events", "--since", since, "--until", "0s", "--filter", "container=att-api-keys",
            "--filter", "event=attach", "--filter", "event=detach", "--format", "{{.Action}}");
        Assert.Equal("attach\ndetach\n", events.EnsureSuccess().Stdout);
        (await engine.Berth("rm", "-f", "att-api-keys")).EnsureSuccess();
    }

    [Fact]
    public async Task ResizeSetsTheTtySize()
    {
        using var http = engine.Daemon.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/containers/nope/resize?h=10&w=20", null)).StatusCode);
        (await engine.Berth("create", "-t", "--name", "att-rs-stopped", "busybox", "true")).EnsureSuccess();
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync("/containers/att-rs-stopped/resize?h=10&w=20", null)).StatusCode);
        (await engine.Berth("rm", "att-rs-stopped")).EnsureSuccess();

        (await engine.Berth("run", "-d", "-t", "--name", "att-rs", "busybox", "sh", "-c",
            "trap 'exit 0' TERM; while true; do stty size; sleep 0.1; done")).EnsureSuccess();
        var resized = await http.PostAsync("/containers/att-rs/resize?h=33&w=77", null);
        Assert.Equal(HttpStatusCode.OK, resized.StatusCode);
        await Poll.UntilAsync(async () => (await engine.Berth("logs", "att-rs")).Stdout.Contains("33 77", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "stty size 33 77 in the logs");
        (await engine.Berth("rm", "-f", "att-rs")).EnsureSuccess();

        (await engine.Berth("run", "-d", "--name", "att-rs-notty", "busybox", "sleep", "60")).EnsureSuccess();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/containers/att-rs-notty/resize?h=10&w=20", null)).StatusCode);
        (await engine.Berth("rm", "-f", "att-rs-notty")).EnsureSuccess();
    }

    [Fact]
    public async Task AClientThatStopsReadingOrLeavesNeverBlocksTheContainer()
    {
        var id = (await engine.Berth("run", "-d", "--name", "att-flood", "busybox", "sh", "-c",
            "trap 'exit 0' TERM; while true; do echo 0123456789012345678901234567890123456789012345678901234567890123456789; done")).EnsureSuccess().Stdout.Trim();
        var silent = await HijackAsync("/containers/att-flood/attach?stream=1&stdout=1&stderr=1"); // never reads
        using (var leaving = await HijackAsync("/containers/att-flood/attach?stream=1&stdout=1"))
        {
            Assert.Contains("101 UPGRADED", leaving.Head);
        }
        var logSize = LogSize(id);
        await Poll.UntilAsync(() => LogSize(id) > logSize + 4 * 1024 * 1024, TimeSpan.FromSeconds(60), "the log to keep growing");
        var stop = await engine.Berth("stop", "-t", "5", "att-flood");
        stop.EnsureSuccess();
        silent.Dispose();
        (await engine.Berth("rm", "att-flood")).EnsureSuccess();
    }

    private long LogSize(string id)
    {
        return Directory.EnumerateFiles(Path.Combine(engine.Daemon.DataRoot, "containers", id), "*-json.log*").Sum(f => new FileInfo(f).Length);
    }

    /// <summary>Attach streams the container's shim serves now (one sender thread per attacher).</summary>
    private int AttachedCount(string id)
    {
        try
        {
            var pid = File.ReadAllText(Path.Combine(engine.Daemon.ExecRoot, "s", id[..16], "shim.pid")).Trim();
            return Directory.EnumerateDirectories($"/proc/{pid}/task")
                .Count(t => File.ReadAllText(Path.Combine(t, "comm")).StartsWith("attach-out", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task<Hijacked> HijackAsync(string pathAndQuery)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(engine.Daemon.SocketPath));
        var stream = new NetworkStream(socket, ownsSocket: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {pathAndQuery} HTTP/1.1\r\nHost: berth\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n"));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }
        return new Hijacked(head.ToString(), stream);
    }

    private sealed record Hijacked(string Head, NetworkStream Stream) : IDisposable
    {
        public async Task<string> ReadToEndAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var buffer = new MemoryStream();
            await Stream.CopyToAsync(buffer, timeout.Token);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        public async Task ReadUntilAsync(string text)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var seen = new StringBuilder();
            var buffer = new byte[4096];
            while (!seen.ToString().Contains(text, StringComparison.Ordinal))
            {
                var n = await Stream.ReadAsync(buffer, timeout.Token);
                if (n == 0) throw new EndOfStreamException($"stream ended before '{text}': {seen}");
                seen.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }

        public void Dispose() => Stream.Dispose();
    }
}
