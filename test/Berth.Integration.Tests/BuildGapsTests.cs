using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>
/// <c>build --rm=false/--force-rm</c>, <c>ADD &lt;http URL&gt;</c>, a FROM pulled from a registry (berth's own,
/// <c>berth registry serve</c>) and the build cache in <c>system df</c>, against a real berthd.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BuildGapsTests(EngineFixture engine) : IDisposable
{
    private readonly TempDir _context = new("berth-build-gaps-");

    public void Dispose() => _context.Dispose();

    private void Write(string relative, string content)
    {
        var path = _context.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private async Task<string[]> AllContainers() =>
        (await engine.Berth("ps", "-a", "-q", "--no-trunc")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task RmFalseKeepsIntermediateContainersAndForceRmRemovesFailedOnes()
    {
        Write("Dockerfile", "FROM busybox\nRUN echo one > /one\nRUN echo two > /two\nCMD [\"cat\", \"/one\", \"/two\"]\n");
        var before = await AllContainers();
        var created = new List<string>();
        try
        {
            (await engine.Berth("build", "--no-cache", "--rm=false", "-t", "gaps-keep:1", _context.Path)).EnsureSuccess();
            created.AddRange((await AllContainers()).Except(before));
            Assert.Equal(2, created.Count);
            foreach (var id in created)
                Assert.Equal("exited", (await engine.Berth("inspect", "-f", "{{.State.Status}}", id)).EnsureSuccess().Stdout.Trim());
            // The kept container still has its own files; the image has them too.
            Assert.Equal("one\ntwo\n", (await engine.Berth("run", "--rm", "gaps-keep:1")).EnsureSuccess().Stdout);
            var diffs = await Task.WhenAll(created.Select(id => engine.Berth("diff", id)));
            Assert.Contains(diffs, d => d.EnsureSuccess().Stdout.Contains("A /one", StringComparison.Ordinal));
            Assert.Contains(diffs, d => d.Stdout.Contains("A /two", StringComparison.Ordinal));

            // Default --rm: nothing stays after a successful build.
            (await engine.Berth("build", "--no-cache", "-t", "gaps-keep:2", _context.Path)).EnsureSuccess();
            Assert.Equal(created.Order(), (await AllContainers()).Except(before).Order());

            // A failed step's container stays (stopped) with --rm, and goes with --force-rm.
            Write("Dockerfile", "FROM busybox\nRUN echo failing && exit 3\n");
            var failed = await engine.Berth("build", _context.Path);
            Assert.Contains("returned a non-zero code: 3", failed.Stderr);
            var left = (await AllContainers()).Except(before).Except(created).ToList();
            var kept = Assert.Single(left);
            created.Add(kept);
            Assert.Equal("exited 3", (await engine.Berth("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", kept)).EnsureSuccess().Stdout.Trim());
            var forced = await engine.Berth("build", "--force-rm", _context.Path);
            Assert.Contains("returned a non-zero code: 3", forced.Stderr);
            Assert.Equal(created.Order(), (await AllContainers()).Except(before).Order());
        }
        finally
        {
            foreach (var id in created) await engine.Berth("rm", "-f", id);
            await engine.Berth("rmi", "gaps-keep:1", "gaps-keep:2");
        }
    }

    [Fact]
    public async Task AddUrlDownloadsWithModeMtimeChecksumAndContentCache()
    {
        using var server = new LocalFileServer();
        server.Files["/files/hello.txt"] = "hello over http\n"u8.ToArray();
        server.Files["/files/data.tar"] = TarOf("inside.txt", "not unpacked");
        var sum = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(server.Files["/files/hello.txt"]));
        Write("Dockerfile", $"""
            FROM busybox
            ADD {server.Url("/files/hello.txt")} /dl/
            ADD --checksum={sum} {server.Url("/files/hello.txt")} /named.txt
            ADD {server.Url("/files/data.tar")} /archives/
            RUN echo ran
            CMD ["sh", "-c", "cat /dl/hello.txt /named.txt; stat -c '%a %Y' /dl/hello.txt; ls /archives"]
            """);
        try
        {
            (await engine.Berth("build", "-t", "gaps-url:1", _context.Path)).EnsureSuccess();
            var lines = (await engine.Berth("run", "--rm", "gaps-url:1")).EnsureSuccess().Stdout.Split('\n');
            Assert.Equal("hello over http", lines[0]);
            Assert.Equal("hello over http", lines[1]);
            Assert.Equal($"600 {server.LastModified.ToUnixTimeSeconds()}", lines[2]);
            Assert.Equal("data.tar", lines[3]);

            var cached = (await engine.Berth("build", "-t", "gaps-url:1", _context.Path)).EnsureSuccess().Stdout;
            Assert.Equal(5, CountOf(cached, " ---> Using cache"));

            lock (server.Files) server.Files["/files/data.tar"] = TarOf("inside.txt", "changed");
            var changed = (await engine.Berth("build", "-t", "gaps-url:1", _context.Path)).EnsureSuccess().Stdout;
            Assert.Equal(2, CountOf(changed, " ---> Using cache"));
            Assert.Contains("ran", changed);

            Write("Dockerfile", $"FROM busybox\nADD --checksum=sha256:{new string('0', 64)} {server.Url("/files/hello.txt")} /x\n");
            Assert.Contains("digest mismatch", (await engine.Berth("build", _context.Path)).Stderr);
            Write("Dockerfile", $"FROM busybox\nADD {server.Url("/files/missing")} /x\n");
            Assert.Contains("404", (await engine.Berth("build", _context.Path)).Stderr);
            Write("Dockerfile", $"FROM busybox\nCOPY {server.Url("/files/hello.txt")} /x\n");
            Assert.Contains("source can't be a URL for COPY", (await engine.Berth("build", _context.Path)).Stderr);
        }
        finally
        {
            await engine.Berth("rmi", "gaps-url:1");
        }
    }

    [Fact]
    public async Task FromPullsAMissingBaseImageFromTheRegistry()
    {
        using var root = new TempDir("berth-reg-");
        var (registry, address) = await StartRegistryAsync(root.Path);
        try
        {
            var name = $"{address}/gaps/base:1";
            (await engine.Berth("tag", "busybox", name)).EnsureSuccess();
            (await engine.Berth("push", name)).EnsureSuccess();
            await engine.Berth("rmi", name);

            await using var fresh = await DaemonProcess.StartAsync();
            var cli = fresh.Cli();
            Write("Dockerfile", $"FROM {name}\nRUN echo built-on-pulled > /out\nCMD [\"cat\", \"/out\"]\n");
            var output = (await cli.RunAsync("berth", ["build", "-t", "gaps-pulled:1", _context.Path])).EnsureSuccess().Stdout;
            Assert.Contains("Pulling from gaps/base", output);
            Assert.Contains($"Status: Downloaded newer image for {name}", output);
            Assert.Equal("built-on-pulled\n", (await cli.RunAsync("berth", ["run", "--rm", "gaps-pulled:1"])).EnsureSuccess().Stdout);
            Assert.Equal(0, (await cli.RunAsync("berth", ["image", "inspect", name])).ExitCode);

            Write("Dockerfile", $"FROM {address}/gaps/nothing:1\n");
            var missing = await cli.RunAsync("berth", ["build", _context.Path]);
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("not found", missing.Stderr);
        }
        finally
        {
            registry.Kill(entireProcessTree: true);
            await registry.WaitForExitAsync();
            registry.Dispose();
        }
    }

    [Fact]
    public async Task BuildCacheInSystemDfHasRealSizes()
    {
        Write("Dockerfile", "FROM busybox\nRUN head -c 300000 /dev/zero > /blob\nENV X=1\n");
        try
        {
            (await engine.Berth("build", "-t", "gaps-df:1", _context.Path)).EnsureSuccess();
            Assert.Contains("Build cache usage:", (await engine.Berth("system", "df", "-v")).EnsureSuccess().Stdout);
            using var http = UnixHttp.CreateClient(engine.Daemon.SocketPath);
            var json = await http.GetStringAsync("http://localhost/system/df?type=build-cache");
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var entries = document.RootElement.GetProperty("BuildCache").EnumerateArray().ToList();
            var run = entries.Single(e => e.GetProperty("Description").GetString()!.Contains("head -c 300000", StringComparison.Ordinal));
            Assert.InRange(run.GetProperty("Size").GetInt64(), 300000, 400000);
            var env = entries.Single(e => e.GetProperty("Description").GetString()!.Contains("ENV X=1", StringComparison.Ordinal));
            Assert.Equal(0, env.GetProperty("Size").GetInt64());
        }
        finally
        {
            await engine.Berth("rmi", "gaps-df:1");
        }
    }

    /// <summary><c>berth registry serve --addr 127.0.0.1:0 --root DIR</c>; its first stdout line names the address.</summary>
    private static async Task<(Process Process, string Address)> StartRegistryAsync(string root)
    {
        var start = new ProcessStartInfo(BuiltBinaries.Cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["registry", "serve", "--addr", "127.0.0.1:0", "--root", root]) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                       ?? throw new InvalidOperationException("berth registry serve exited: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            var url = line.Split(' ').Single(w => w.StartsWith("http", StringComparison.Ordinal));
            return (process, new Uri(url).Authority);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private static byte[] TarOf(string name, string content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(buffer, leaveOpen: true))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            };
            writer.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
