using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>berth build</c> and the docker CLI's classic builder against a real berthd.</summary>
[Collection(EngineCollection.Name)]
public sealed class BuildTests(EngineFixture engine) : IDisposable
{
    private readonly string _context = Directory.CreateTempSubdirectory("berth-build-").FullName;

    public void Dispose() => Directory.Delete(_context, recursive: true);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_context, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public async Task BuildsRunnableImageAndReusesCacheUntilContentChanges()
    {
        Write("Dockerfile", """
            FROM busybox
            ARG V=1
            ENV GREETING=hello
            WORKDIR /app
            COPY . .
            RUN echo "$GREETING $V $(cat data.txt)" > out.txt && cat out.txt
            CMD ["cat", "/app/out.txt"]
            """);
        Write("data.txt", "one");
        try
        {
            var first = (await engine.Berth("build", "-t", "built:1", "--build-arg", "V=2", _context)).EnsureSuccess().Stdout;
            Assert.Contains("Step 1/7 : FROM busybox", first);
            Assert.Contains("Step 6/7 : RUN echo", first);
            Assert.Contains("hello 2 one\n", first);
            Assert.Contains("Successfully tagged built:1", first);
            Assert.Equal("hello 2 one\n", (await engine.Berth("run", "--rm", "built:1")).EnsureSuccess().Stdout);
            var history = (await engine.Berth("history", "--no-trunc", "--format", "{{.CreatedBy}}", "built:1")).EnsureSuccess().Stdout;
            Assert.Contains("|1 V=2 /bin/sh -c echo", history);

            var cached = (await engine.Berth("build", "-t", "built:1", "--build-arg", "V=2", _context)).EnsureSuccess().Stdout;
            Assert.True(CountOf(cached, " ---> Using cache") == 6, cached);
            Assert.DoesNotContain("Running in", cached);

            File.SetLastWriteTimeUtc(Path.Combine(_context, "data.txt"), DateTime.UtcNow.AddHours(1));
            var touched = (await engine.Berth("build", "-t", "built:1", "--build-arg", "V=2", _context)).EnsureSuccess().Stdout;
            Assert.True(CountOf(touched, " ---> Using cache") == 6, touched);

            Write("data.txt", "two");
            var changed = (await engine.Berth("build", "-t", "built:1", "--build-arg", "V=2", _context)).EnsureSuccess().Stdout;
            Assert.True(CountOf(changed, " ---> Using cache") == 3, changed);
            Assert.Contains("hello 2 two\n", changed);
            Assert.Equal("hello 2 two\n", (await engine.Berth("run", "--rm", "built:1")).EnsureSuccess().Stdout);

            var noCache = (await engine.Berth("build", "--no-cache", "-q", "--build-arg", "V=2", _context)).EnsureSuccess().Stdout;
            Assert.StartsWith("sha256:", noCache.Trim());
        }
        finally
        {
            await engine.Berth("rmi", "built:1");
        }
    }

    [Fact]
    public async Task FailedRunReportsExitCodeAndLeavesNothing()
    {
        Write("Dockerfile", "FROM busybox\nRUN echo before\nRUN echo oops && false\n");
        var before = (await engine.Berth("ps", "-a", "-q")).EnsureSuccess().Stdout;
        // --force-rm: the failed step's container goes too (plain --rm keeps it stopped, as dockerd's classic builder does).
        var result = await engine.Berth("build", "--force-rm", "-t", "broken:1", _context);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("oops", result.Stdout);
        Assert.Contains("The command '/bin/sh -c echo oops && false' returned a non-zero code: 1", result.Stderr);
        Assert.Equal(before, (await engine.Berth("ps", "-a", "-q")).EnsureSuccess().Stdout);
        Assert.NotEqual(0, (await engine.Berth("inspect", "broken:1")).ExitCode);
    }

    [Fact]
    public async Task CopyErrorsAndDockerignore()
    {
        Write("Dockerfile", "FROM busybox\nCOPY ../secret /x\n");
        var outside = await engine.Berth("build", _context);
        Assert.Contains("Forbidden path outside the build context: ../secret", outside.Stderr);

        Write("Dockerfile", "FROM busybox\nCOPY missing.txt /x\n");
        var missing = await engine.Berth("build", _context);
        Assert.Contains("COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist", missing.Stderr);

        Write(".dockerignore", "*.log\n!keep.log\nsecret\n");
        Write("a.log", "a");
        Write("keep.log", "k");
        Write("secret/s", "s");
        Write("ok/inner.txt", "inner");
        Write("Dockerfile", "FROM busybox\nCOPY . /ctx/\nCMD [\"sh\", \"-c\", \"cd /ctx && find . -type f | sort\"]\n");
        try
        {
            (await engine.Berth("build", "-t", "ignored:1", _context)).EnsureSuccess();
            var files = (await engine.Berth("run", "--rm", "ignored:1")).EnsureSuccess().Stdout;
            Assert.Equal("./.dockerignore\n./Dockerfile\n./keep.log\n./ok/inner.txt\n", files);
        }
        finally
        {
            await engine.Berth("rmi", "ignored:1");
        }
    }

    [Fact]
    public async Task MultiStageWithTargetAndCopyFrom()
    {
        Write("Dockerfile", """
            ARG BASE=busybox
            FROM ${BASE} AS build
            RUN echo built > /artifact
            FROM busybox AS unused
            RUN exit 1
            FROM scratch AS final
            COPY --from=build /artifact /artifact
            COPY --from=build --chmod=700 /bin/busybox /bin/cat
            ENTRYPOINT ["/bin/cat"]
            CMD ["/artifact"]
            FROM busybox AS test
            RUN echo testing
            """);
        try
        {
            var output = (await engine.Berth("build", "--target", "final", "-t", "multi:1", _context)).EnsureSuccess().Stdout;
            Assert.DoesNotContain("exit 1", output);
            Assert.DoesNotContain("testing", output);
            Assert.Equal("built\n", (await engine.Berth("run", "--rm", "multi:1")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rmi", "multi:1");
        }
    }

    [Fact]
    public async Task DockerCliClassicBuilder()
    {
        Write("Dockerfile", "FROM busybox\nCOPY hello.txt /\nRUN cat /hello.txt\nLABEL purpose=test\n");
        Write("hello.txt", "from docker cli");
        var docker = engine.Cli.With("DOCKER_BUILDKIT", "0");
        try
        {
            var result = (await docker.RunAsync("docker", ["build", "-t", "dockerbuilt:1", _context])).EnsureSuccess();
            Assert.Contains("from docker cli", result.Stdout);
            Assert.Contains("Successfully tagged dockerbuilt:1", result.Stdout);
            Assert.Equal("test", (await engine.Docker("inspect", "-f", "{{index .Config.Labels \"purpose\"}}", "dockerbuilt:1")).EnsureSuccess().Stdout.Trim());
            Assert.Equal("from docker cli", (await engine.Docker("run", "--rm", "dockerbuilt:1", "cat", "/hello.txt")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Docker("rmi", "dockerbuilt:1");
        }
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
