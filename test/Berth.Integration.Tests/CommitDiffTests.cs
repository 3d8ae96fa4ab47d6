using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>commit</c> and <c>diff</c> against a real berthd: the container's upper dir becomes a layer.</summary>
[Collection(EngineCollection.Name)]
public sealed class CommitDiffTests(EngineFixture engine)
{
    [Fact]
    public async Task DiffShowsAddedChangedDeleted()
    {
        (await engine.Berth("run", "--name", "cd-diff", "busybox", "sh", "-c", "mkdir /new && echo x > /new/f && echo y >> /etc/passwd && rm /bin/vi")).EnsureSuccess();
        try
        {
            var lines = (await engine.Berth("diff", "cd-diff")).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("A /new", lines);
            Assert.Contains("A /new/f", lines);
            Assert.Contains("C /etc", lines);
            Assert.Contains("C /etc/passwd", lines);
            Assert.Contains("D /bin/vi", lines);
        }
        finally
        {
            await engine.Berth("rm", "-f", "cd-diff");
        }
    }

    [Fact]
    public async Task CommitRoundTripKeepsFilesWhiteoutsAndConfig()
    {
        (await engine.Berth("run", "--name", "cd-commit", "busybox", "sh", "-c", "echo hello > /greeting && rm /bin/vi")).EnsureSuccess();
        try
        {
            var id = (await engine.Berth("commit", "-m", "add greeting", "-a", "me", "-c", "CMD [\"cat\", \"/greeting\"]", "cd-commit", "committed:1"))
                .EnsureSuccess().Stdout.Trim();
            Assert.StartsWith("sha256:", id);
            Assert.Equal("hello\n", (await engine.Berth("run", "--rm", "committed:1")).EnsureSuccess().Stdout);
            Assert.NotEqual(0, (await engine.Berth("run", "--rm", "committed:1", "ls", "/bin/vi")).ExitCode);

            var history = (await engine.Berth("history", "--no-trunc", "--format", "{{.CreatedBy}}|{{.Comment}}", "committed:1")).EnsureSuccess().Stdout;
            Assert.StartsWith("sh -c echo hello > /greeting && rm /bin/vi|add greeting", history);
            Assert.Equal("me", (await engine.Berth("inspect", "-f", "{{.Author}}", "committed:1")).EnsureSuccess().Stdout.Trim());
            Assert.Equal("2", (await engine.Berth("inspect", "-f", "{{len .RootFS.Layers}}", "committed:1")).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await engine.Berth("rm", "-f", "cd-commit");
            await engine.Berth("rmi", "committed:1");
        }
    }

    [Fact]
    public async Task DockerCliCommitOfRunningContainer()
    {
        (await engine.Docker("run", "-d", "--name", "cd-live", "busybox", "sh", "-c", "echo live > /state; sleep 300")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await engine.Docker("diff", "cd-live")).Stdout.Contains("A /state", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            (await engine.Docker("commit", "cd-live", "committed:live")).EnsureSuccess();
            Assert.Equal("live\n", (await engine.Docker("run", "--rm", "committed:live", "cat", "/state")).EnsureSuccess().Stdout);
            Assert.Equal("running", (await engine.Docker("inspect", "-f", "{{.State.Status}}", "cd-live")).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await engine.Docker("rm", "-f", "cd-live");
            await engine.Docker("rmi", "committed:live");
        }
    }

    [Fact]
    public async Task ImageRunsRightAfterCommitWhileItsLayerIsUnpackedInTheBackground()
    {
        // 16 MB: the new layer's snapshot is still being unpacked from its blob when the run asks for it.
        (await engine.Berth("run", "--name", "cd-fresh", "busybox", "sh", "-c", "head -c 16777216 /dev/zero | tr '\\0' x > /big && md5sum /big > /sum")).EnsureSuccess();
        try
        {
            (await engine.Berth("commit", "cd-fresh", "committed:fresh")).EnsureSuccess();
            Assert.Equal("/big: OK\n", (await engine.Berth("run", "--rm", "committed:fresh", "md5sum", "-c", "/sum")).EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rm", "-f", "cd-fresh");
            await engine.Berth("rmi", "committed:fresh");
        }
    }
}
