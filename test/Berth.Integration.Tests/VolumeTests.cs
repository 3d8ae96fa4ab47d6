using System.Text.Json;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary>Bind mounts, named and anonymous volumes, tmpfs and <c>volume</c> commands through berth and the docker CLI.</summary>
[Collection(EngineCollection.Name)]
public sealed class VolumeTests(EngineFixture engine)
{
    [Fact]
    public async Task ABindMountShowsHostFilesAndReadOnlyRefusesWrites()
    {
        using var dir = new TempDir("bind-");
        await File.WriteAllTextAsync(dir.Combine("index.html"), "from the host\n");

        var read = await engine.Berth("run", "--rm", "-v", $"{dir.Path}:/www:ro", "busybox", "cat", "/www/index.html");
        Assert.Equal("from the host\n", read.EnsureSuccess().Stdout);
        var write = await engine.Berth("run", "--rm", "-v", $"{dir.Path}:/www:ro", "busybox", "sh", "-c", "echo x > /www/new");
        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Read-only file system", write.Stderr);

        (await engine.Berth("run", "--rm", "--mount", $"type=bind,source={dir.Path},target=/data", "busybox", "sh", "-c", "echo written > /data/out")).EnsureSuccess();
        Assert.Equal("written\n", await File.ReadAllTextAsync(dir.Combine("out")));

        var missing = await engine.Berth("run", "--rm", "--mount", "type=bind,source=/nonexistent-berth,target=/x", "busybox", "true");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("bind source path does not exist: /nonexistent-berth", missing.Stderr);
    }

    [Fact]
    public async Task ANamedVolumeKeepsDataAcrossContainersAndIsRefusedRemovalWhileUsed()
    {
        (await engine.Berth("run", "--rm", "-v", "vt-data:/data", "busybox", "sh", "-c", "echo kept > /data/f")).EnsureSuccess();
        Assert.Equal("kept\n", (await engine.Berth("run", "--rm", "-v", "vt-data:/data", "busybox", "cat", "/data/f")).EnsureSuccess().Stdout);
        Assert.Contains("vt-data", (await engine.Berth("volume", "ls", "-q")).EnsureSuccess().Stdout.Split('\n'));

        (await engine.Berth("create", "--name", "vt-user", "-v", "vt-data:/data", "busybox", "true")).EnsureSuccess();
        var mounts = JsonDocument.Parse((await engine.Berth("inspect", "-f", "{{json .Mounts}}", "vt-user")).EnsureSuccess().Stdout).RootElement;
        var mount = Assert.Single(mounts.EnumerateArray());
        Assert.Equal("volume", mount.GetProperty("Type").GetString());
        Assert.Equal("vt-data", mount.GetProperty("Name").GetString());
        Assert.Equal("/data", mount.GetProperty("Destination").GetString());
        Assert.True(mount.GetProperty("RW").GetBoolean());

        var busy = await engine.Berth("volume", "rm", "vt-data");
        Assert.NotEqual(0, busy.ExitCode);
        Assert.Contains("volume is in use", busy.Stderr);
        (await engine.Berth("rm", "vt-user")).EnsureSuccess();
        Assert.Equal("vt-data", (await engine.Berth("volume", "rm", "vt-data")).EnsureSuccess().Stdout.Trim());
        var gone = await engine.Berth("volume", "inspect", "vt-data");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("no such volume", gone.Stderr);
    }

    [Fact]
    public async Task AnEmptyVolumeGetsTheImageContentAndAnonymousVolumesGoWithRmV()
    {
        // /etc of the image is copied into the new, empty volume.
        Assert.Contains("hostname", (await engine.Berth("run", "--rm", "-v", "vt-etc:/etc", "busybox", "ls", "/etc")).EnsureSuccess().Stdout);
        (await engine.Berth("volume", "rm", "vt-etc")).EnsureSuccess();

        (await engine.Berth("create", "--name", "vt-anon", "-v", "/scratch", "busybox", "true")).EnsureSuccess();
        var name = (await engine.Berth("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", "vt-anon")).EnsureSuccess().Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", name);
        Assert.Equal(name, (await engine.Berth("volume", "inspect", "-f", "{{.Name}}", name)).EnsureSuccess().Stdout.Trim());
        (await engine.Berth("rm", "-v", "vt-anon")).EnsureSuccess();
        Assert.NotEqual(0, (await engine.Berth("volume", "inspect", name)).ExitCode);
    }

    [Fact]
    public async Task TmpfsAndBadSpecificationsAreHandled()
    {
        var tmpfs = await engine.Berth("run", "--rm", "--tmpfs", "/scratch:size=1m", "busybox", "sh", "-c", "grep ' /scratch ' /proc/mounts");
        Assert.Contains("tmpfs /scratch tmpfs", tmpfs.EnsureSuccess().Stdout);
        Assert.Contains("size=1024k", tmpfs.Stdout);

        var badName = await engine.Berth("run", "--rm", "-v", "../x:/x", "busybox", "true");
        Assert.NotEqual(0, badName.ExitCode);
        Assert.Contains("includes invalid characters for a local volume name", badName.Stderr);
        var badCreate = await engine.Berth("volume", "create", "a/b");
        Assert.NotEqual(0, badCreate.ExitCode);
        var root = await engine.Berth("run", "--rm", "-v", "vt-x:/", "busybox", "true");
        Assert.NotEqual(0, root.ExitCode);
        var twice = await engine.Berth("run", "--rm", "-v", "vt-y:/d", "--tmpfs", "/d", "busybox", "true");
        Assert.NotEqual(0, twice.ExitCode);
        Assert.Contains("Duplicate mount point: /d", twice.Stderr);
    }

    [Fact]
    public async Task TheDockerCliManagesVolumesOnBerthd()
    {
        Assert.Equal("vt-docker", (await engine.Docker("volume", "create", "--label", "team=blue", "vt-docker")).EnsureSuccess().Stdout.Trim());
        var ls = (await engine.Docker("volume", "ls", "--filter", "label=team=blue", "--format", "{{.Driver}} {{.Name}}")).EnsureSuccess().Stdout;
        Assert.Equal("local vt-docker\n", ls);
        (await engine.Docker("run", "--rm", "-v", "vt-docker:/v", "busybox", "sh", "-c", "echo hi > /v/f")).EnsureSuccess();
        Assert.Equal("hi\n", (await engine.Docker("run", "--rm", "--mount", "source=vt-docker,target=/v,readonly", "busybox", "cat", "/v/f")).EnsureSuccess().Stdout);
        var inspect = JsonDocument.Parse((await engine.Docker("volume", "inspect", "vt-docker")).EnsureSuccess().Stdout).RootElement[0];
        Assert.Equal("blue", inspect.GetProperty("Labels").GetProperty("team").GetString());
        Assert.StartsWith("/", inspect.GetProperty("Mountpoint").GetString());
        (await engine.Docker("volume", "rm", "vt-docker")).EnsureSuccess();

        (await engine.Docker("volume", "create", "vt-prune")).EnsureSuccess();
        var prune = (await engine.Docker("volume", "prune", "-a", "-f")).EnsureSuccess().Stdout;
        Assert.Contains("vt-prune", prune);
    }
}
