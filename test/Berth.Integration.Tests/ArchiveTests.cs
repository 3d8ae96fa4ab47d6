using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>save/load and export/import against a real berthd, with the berth CLI and the real docker CLI.</summary>
[Collection(EngineCollection.Name)]
public sealed class ArchiveTests(EngineFixture engine) : IDisposable
{
    private readonly TempDir _dir = new("arc-");

    public void Dispose() => _dir.Dispose();

    /// <summary>A one-layer busybox image of its own (a distinct ID, so rmi really deletes it).</summary>
    private async Task<string> ImportImageAsync(string reference)
    {
        var tar = BusyboxRootfs.CreateTar(_dir.Combine("rootfs.tar"));
        return (await engine.Berth("import", "-m", reference, "-c", "CMD [\"sh\"]", tar, reference)).EnsureSuccess().Stdout.Trim();
    }

    private Task<CliResult> ShellAsync(string script) =>
        engine.Cli.With("BERTH", BuiltBinaries.Cli).RunAsync("sh", ["-c", script]);

    [Fact]
    public async Task SaveRmiLoadKeepsTheIdAndTheImageRuns()
    {
        var id = await ImportImageAsync("arc-save:1");
        var file = _dir.Combine("img.tar");
        (await engine.Berth("save", "-o", file, "arc-save:1")).EnsureSuccess();
        (await engine.Berth("rmi", "arc-save:1")).EnsureSuccess();
        Assert.False((await engine.Berth("image", "inspect", "arc-save:1")).Succeeded);

        var load = (await engine.Berth("load", "-i", file)).EnsureSuccess();

        Assert.Equal("Loaded image: arc-save:1\n", load.Stdout);
        Assert.Equal(id, (await engine.Berth("image", "inspect", "-f", "{{.Id}}", "arc-save:1")).EnsureSuccess().Stdout.Trim());
        Assert.Equal("hi\n", (await engine.Berth("run", "--rm", "arc-save:1", "echo", "hi")).EnsureSuccess().Stdout);
        (await engine.Berth("rmi", "arc-save:1")).EnsureSuccess();
    }

    [Fact]
    public async Task DockerCliSavePipedIntoDockerLoadAndGzipInput()
    {
        var id = await ImportImageAsync("arc-docker:1");
        var file = _dir.Combine("img.tar.gz");
        (await ShellAsync($"docker save arc-docker:1 | gzip > {file}")).EnsureSuccess();
        (await engine.Docker("rmi", "arc-docker:1")).EnsureSuccess();

        var load = (await ShellAsync($"docker load < {file}")).EnsureSuccess();

        Assert.Contains("Loaded image: arc-docker:1", load.Stdout);
        Assert.Equal(id, (await engine.Docker("image", "inspect", "-f", "{{.Id}}", "arc-docker:1")).EnsureSuccess().Stdout.Trim());
        var piped = (await ShellAsync("docker save arc-docker:1 | docker load")).EnsureSuccess();
        Assert.Contains("Loaded image: arc-docker:1", piped.Stdout);
        (await engine.Docker("rmi", "arc-docker:1")).EnsureSuccess();
    }

    [Fact]
    public async Task ABadArchiveIsA400AndLoadsNothing()
    {
        var file = _dir.Combine("bad.tar");
        (await ShellAsync($"cd {_dir.Path} && mkdir -p x && echo '[{{\"Config\":\"x/c.json\",\"RepoTags\":[\"arc-bad:1\"],\"Layers\":[]}}]' > manifest.json && tar -cf {file} manifest.json")).EnsureSuccess();

        var berth = await engine.Berth("load", "-i", file);
        var docker = await engine.Docker("load", "-i", file);

        Assert.Equal(1, berth.ExitCode);
        Assert.Contains("Error response from daemon: invalid archive: config x/c.json named by manifest.json is missing", berth.Stderr);
        Assert.Contains("config x/c.json named by manifest.json is missing", docker.Stderr);
        Assert.False((await engine.Berth("image", "inspect", "arc-bad:1")).Succeeded);
    }

    [Fact]
    public async Task ExportPipedIntoImportKeepsTheContainersFilesAndDeletions()
    {
        (await engine.Berth("run", "--name", "arc-exp", "busybox", "sh", "-c", "echo data > /marker && rm /bin/ls")).EnsureSuccess();
        try
        {
            (await ShellAsync("\"$BERTH\" export arc-exp | \"$BERTH\" import - arc-exported:1")).EnsureSuccess();
            var file = _dir.Combine("exp.tar");
            (await engine.Docker("export", "-o", file, "arc-exp")).EnsureSuccess();
            var listing = (await engine.Cli.RunAsync("tar", ["-tf", file])).EnsureSuccess().Stdout;
            Assert.Contains("marker\n", listing);
            Assert.DoesNotContain("bin/ls\n", listing);

            var run = await engine.Berth("run", "--rm", "arc-exported:1", "sh", "-c", "cat /marker; test -e /bin/ls || echo gone");
            Assert.Equal("data\ngone\n", run.EnsureSuccess().Stdout);
        }
        finally
        {
            await engine.Berth("rm", "-f", "arc-exp");
            await engine.Berth("rmi", "arc-exported:1");
        }
    }
}
