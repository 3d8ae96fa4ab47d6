using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>exec</c> through berth, the real docker CLI and the API: exit codes, options, stdin, TTYs, inspect.</summary>
[Collection(EngineCollection.Name)]
public sealed class ExecTests(EngineFixture engine)
{
    private async Task<string> RunningContainer(string name)
    {
        (await engine.Berth("run", "-d", "--name", name, "-e", "FROM_CONTAINER=yes", "busybox", "sleep", "600")).EnsureSuccess();
        return name;
    }

    private Task Remove(string name) => engine.Berth("rm", "-f", name);

    [Fact]
    public async Task ExitCodesOutputAndMissingProgramsMatchDocker()
    {
        var c = await RunningContainer("exec-codes");
        foreach (var cli in new Func<string[], Task<CliResult>>[] { engine.Berth, engine.Docker })
        {
            var ok = (await cli(["exec", c, "sh", "-c", "echo out; echo err >&2"])).EnsureSuccess();
            Assert.Equal("out\n", ok.Stdout);
            Assert.Equal("err\n", ok.Stderr);
            Assert.Equal(3, (await cli(["exec", c, "sh", "-c", "exit 3"])).ExitCode);
            var missing = await cli(["exec", c, "nosuch"]);
            Assert.Equal(127, missing.ExitCode);
            Assert.Contains("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH", missing.Stdout);
            Assert.Equal(137, (await cli(["exec", c, "sh", "-c", "kill -9 $$"])).ExitCode);
        }
        await Remove(c);
    }

    [Fact]
    public async Task EnvWorkdirAndUserApply()
    {
        var c = await RunningContainer("exec-opts");
        using var dir = new TempDir("envf-");
        var envFile = dir.Combine("env");
        File.WriteAllText(envFile, "# comment\nFROM_FILE=1\n");
        const string script = "echo $FOO $FROM_FILE $FROM_CONTAINER $(pwd) $(id -u):$(id -g) $HOME";
        foreach (var cli in new Func<string[], Task<CliResult>>[] { engine.Berth, engine.Docker })
        {
            var result = (await cli(["exec", "-e", "FOO=bar", "--env-file", envFile, "-w", "/tmp", "-u", "nobody", c, "sh", "-c", script])).EnsureSuccess();
            Assert.Equal("bar 1 yes /tmp 65534:65534 /home", result.Stdout.Trim());
            Assert.Equal("0", (await cli(["exec", c, "id", "-u"])).EnsureSuccess().Stdout.Trim());
        }
        var badUser = await engine.Berth("exec", "-u", "nosuchuser", c, "true");
        Assert.Equal(1, badUser.ExitCode);
        Assert.Contains("unable to find user nosuchuser", badUser.Stderr);
        await Remove(c);
    }

    [Fact]
    public async Task StdinIsPipedAndClosedAtEof()
    {
        var c = await RunningContainer("exec-stdin");
        var berth = await engine.Cli.RunAsync("berth", ["exec", "-i", c, "cat"], Encoding.UTF8.GetBytes("hi\nthere\n"));
        Assert.Equal("hi\nthere\n", berth.EnsureSuccess().Stdout);
        var docker = await engine.Cli.RunAsync("docker", ["exec", "-i", c, "sh", "-c", "wc -l"], Encoding.UTF8.GetBytes("a\nb\nc\n"));
        Assert.Equal("3", docker.EnsureSuccess().Stdout.Trim());
        // Without -i the process reads /dev/null.
        Assert.Equal("", (await engine.Cli.RunAsync("berth", ["exec", c, "cat"], Encoding.UTF8.GetBytes("ignored"))).EnsureSuccess().Stdout);
        await Remove(c);
    }

    [Fact]
    public async Task TtyGivesAPtyOfTheTerminalsSize()
    {
        var c = await RunningContainer("exec-tty");
        var berth = Environment.GetEnvironmentVariable("BERTH_CLI") ?? BuiltBinaries.Cli;
        foreach (var cli in new[] { berth, "docker" })
        {
            var tty = (await engine.Cli.RunAsync("script", ["-qfec", $"{cli} exec -t {c} tty", "/dev/null"])).EnsureSuccess();
            Assert.Matches(@"^/dev/pts/\d+\r?$", tty.Stdout.Trim());
            var size = (await engine.Cli.RunAsync("script", ["-qfec", $"stty rows 37 cols 91; {cli} exec -it {c} stty size", "/dev/null"])).EnsureSuccess();
            // `script` may push a NUL into its pty when its own stdin ends; a terminal echoes that as "^@" (seen
            // now and then). It is script's input, not the command's output.
            Assert.Equal("37 91", size.Stdout.Replace("^@", "", StringComparison.Ordinal).Trim());
        }
        await Remove(c);
    }

    [Fact]
    public async Task ResizeReachesTheExecsTerminal()
    {
        var c = await RunningContainer("exec-resize");
        using var http = engine.Daemon.CreateHttpClient();
        var id = await CreateExecAsync(http, c, """{"AttachStdin":true,"AttachStdout":true,"AttachStderr":true,"Tty":true,"Cmd":["sh"]}""");

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(engine.Daemon.SocketPath));
        await using var stream = new NetworkStream(socket);
        var body = """{"Detach":false,"Tty":true}""";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /v1.47/exec/{id}/start HTTP/1.1\r\nHost: d\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
        var head = await ReadHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 101", head);
        Assert.Contains("application/vnd.docker.raw-stream", head);

        // As the docker CLI: the first resize may come before the process runs (409 until then).
        await Poll.UntilAsync(async () => (await http.PostAsync($"/exec/{id}/resize?h=33&w=77", null)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "resize");
        await stream.WriteAsync("stty size; exit 4\n"u8.ToArray());
        var output = await ReadToEndAsync(stream);
        Assert.Contains("33 77", output);

        var inspect = JsonDocument.Parse(await http.GetStringAsync($"/exec/{id}/json")).RootElement;
        Assert.Equal(4, inspect.GetProperty("ExitCode").GetInt32());
        Assert.False(inspect.GetProperty("Running").GetBoolean());
        await Remove(c);
    }

    [Fact]
    public async Task DetachedExecRunsAndInspectShowsIt()
    {
        var c = await RunningContainer("exec-detach");
        (await engine.Berth("exec", "-d", c, "sh", "-c", "echo ran > /tmp/marker")).EnsureSuccess();
        await Poll.UntilAsync(async () => (await engine.Berth("exec", c, "cat", "/tmp/marker")).Stdout.Trim() == "ran", TimeSpan.FromSeconds(10), "marker");
        (await engine.Docker("exec", "-d", c, "sh", "-c", "echo dk > /tmp/marker2")).EnsureSuccess();
        await Poll.UntilAsync(async () => (await engine.Berth("exec", c, "cat", "/tmp/marker2")).Stdout.Trim() == "dk", TimeSpan.FromSeconds(10), "marker2");

        using var http = engine.Daemon.CreateHttpClient();
        var id = await CreateExecAsync(http, c, """{"AttachStdout":true,"Tty":false,"Cmd":["sleep","300"],"User":"nobody","Privileged":true}""");
        var created = JsonDocument.Parse(await http.GetStringAsync($"/exec/{id}/json")).RootElement;
        Assert.Equal(JsonValueKind.Null, created.GetProperty("ExitCode").ValueKind);
        Assert.False(created.GetProperty("Running").GetBoolean());
        var containerId = (await engine.Berth("inspect", "-f", "{{.Id}}", c)).EnsureSuccess().Stdout.Trim();
        Assert.Contains(id, (await engine.Berth("inspect", "-f", "{{json .ExecIDs}}", c)).EnsureSuccess().Stdout);

        (await http.PostAsync($"/exec/{id}/start", new StringContent("""{"Detach":true}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var running = JsonDocument.Parse(await http.GetStringAsync($"/exec/{id}/json")).RootElement;
        Assert.Equal(id, running.GetProperty("ID").GetString());
        Assert.Equal(containerId, running.GetProperty("ContainerID").GetString());
        Assert.True(running.GetProperty("Running").GetBoolean());
        Assert.Equal(JsonValueKind.Null, running.GetProperty("ExitCode").ValueKind);
        Assert.True(running.GetProperty("Pid").GetInt32() > 0);
        Assert.True(running.GetProperty("OpenStdout").GetBoolean());
        Assert.False(running.GetProperty("OpenStdin").GetBoolean());
        Assert.False(running.GetProperty("CanRemove").GetBoolean());
        var process = running.GetProperty("ProcessConfig");
        Assert.Equal("sleep", process.GetProperty("entrypoint").GetString());
        Assert.Equal("300", process.GetProperty("arguments")[0].GetString());
        Assert.Equal("nobody", process.GetProperty("user").GetString());
        Assert.True(process.GetProperty("privileged").GetBoolean());

        var again = await http.PostAsync($"/exec/{id}/start", new StringContent("""{"Detach":true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(409, (int)again.StatusCode);
        System.Diagnostics.Process.GetProcessById(running.GetProperty("Pid").GetInt32()).Kill();
        await Poll.UntilAsync(async () =>
            JsonDocument.Parse(await http.GetStringAsync($"/exec/{id}/json")).RootElement.GetProperty("ExitCode").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(10), "exec exit");
        Assert.Equal(137, JsonDocument.Parse(await http.GetStringAsync($"/exec/{id}/json")).RootElement.GetProperty("ExitCode").GetInt32());
        Assert.DoesNotContain(id, (await engine.Berth("inspect", "-f", "{{json .ExecIDs}}", c)).Stdout);
        Assert.Equal(404, (int)(await http.GetAsync("/exec/nosuchexec/json")).StatusCode);
        await Remove(c);
    }

    [Fact]
    public async Task StoppedPausedAndMissingContainersAreRefused()
    {
        (await engine.Berth("create", "--name", "exec-stopped", "busybox", "sleep", "600")).EnsureSuccess();
        var id = (await engine.Berth("inspect", "-f", "{{.Id}}", "exec-stopped")).EnsureSuccess().Stdout.Trim();
        foreach (var cli in new Func<string[], Task<CliResult>>[] { engine.Berth, engine.Docker })
        {
            var stopped = await cli(["exec", "exec-stopped", "true"]);
            Assert.Equal(1, stopped.ExitCode);
            Assert.Contains($"Error response from daemon: Container {id} is not running", stopped.Stderr);
            var missing = await cli(["exec", "exec-nosuch", "true"]);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("Error response from daemon: No such container: exec-nosuch", missing.Stderr);
        }
        await Remove("exec-stopped");

        var c = await RunningContainer("exec-paused");
        (await engine.Berth("pause", c)).EnsureSuccess();
        var paused = await engine.Berth("exec", c, "true");
        Assert.Equal(1, paused.ExitCode);
        Assert.Contains($"Container {c} is paused, unpause the container before exec", paused.Stderr);
        (await engine.Berth("unpause", c)).EnsureSuccess();
        await Remove(c);
    }

    [Fact]
    public async Task ExecEventsAreReportedOnTheContainer()
    {
        var c = await RunningContainer("exec-events");
        var since = EventsTests.SinceNow();
        Assert.Equal(2, (await engine.Berth("exec", c, "sh", "-c", "exit 2")).ExitCode);
        var events = (await engine.Berth("events", "--since", since, "--until", "0s", "--filter", "container=" + c,
            "--format", "{{.Action}} {{index .Actor.Attributes \"exitCode\"}}")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.StartsWith("exec", StringComparison.Ordinal));
        Assert.Equal(["exec_create: sh -c exit 2 <no value>", "exec_start: sh -c exit 2 <no value>", "exec_die 2"], events);
        await Remove(c);
    }

    [Fact]
    public async Task ManyConcurrentExecs()
    {
        var c = await RunningContainer("exec-many");
        var runs = Enumerable.Range(0, 16).Select(i => engine.Berth("exec", c, "sh", "-c", $"echo n{i}; exit {i % 5}")).ToArray();
        var results = await Task.WhenAll(runs);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 5, results[i].ExitCode);
            Assert.Equal($"n{i}", results[i].Stdout.Trim());
        }
        await Remove(c);
    }

    [Fact]
    public async Task ABackgroundChildHoldingTheOutputDoesNotKeepTheExecOpen()
    {
        var c = await RunningContainer("exec-bg");
        // The child keeps stdout and stderr open long after sh exits: the exec still ends (the shim gives the
        // streams a bounded time after the exit) with sh's output and exit code, and the child is not blocked.
        var started = DateTime.UtcNow;
        var result = await engine.Berth("exec", c, "sh", "-c", "sleep 60 & echo before; echo err >&2; exit 4");
        Assert.Equal(4, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the exec waited for the background child");
        // The next exec still works (the shim is not stuck on the previous one's streams).
        Assert.Equal("next", (await engine.Berth("exec", c, "echo", "next")).EnsureSuccess().Stdout.Trim());
        await Remove(c);
    }

    internal static async Task<string> CreateExecAsync(HttpClient http, string container, string json)
    {
        var response = await http.PostAsync($"/containers/{container}/exec", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(201, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetString()!;
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) break;
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var output = new MemoryStream();
        await stream.CopyToAsync(output, timeout.Token);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
