using System.Formats.Tar;
using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>cp</c> both ways through berth and the docker CLI: running and stopped containers, symlinks that try to escape, volumes, tar streams.</summary>
[Collection(EngineCollection.Name)]
public sealed class CopyTests(EngineFixture engine)
{
    [Theory]
    [InlineData("berth", true)]
    [InlineData("berth", false)]
    [InlineData("docker", true)]
    [InlineData("docker", false)]
    public async Task FilesAndDirectoriesCopyBothWaysOnRunningAndStoppedContainers(string cli, bool running)
    {
        var name = $"cp-{cli}-{(running ? "up" : "down")}";
        (await engine.Berth("run", "-d", "--name", name, "busybox", "sh", "-c",
            "mkdir -p /srv/d/sub && echo one > /srv/d/a && echo two > /srv/d/sub/b && echo ready > /srv/ready; sleep 300")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await engine.Berth("exec", name, "cat", "/srv/ready")).Succeeded, TimeSpan.FromSeconds(10));
            if (!running) (await engine.Berth("stop", "-t", "0", name)).EnsureSuccess();
            using var dir = new TempDir("cp-");

            (await Run(cli, "cp", $"{name}:/srv/d/a", dir.Combine("a.txt"))).EnsureSuccess();
            Assert.Equal("one\n", await File.ReadAllTextAsync(dir.Combine("a.txt")));
            (await Run(cli, "cp", $"{name}:/srv/d", dir.Path)).EnsureSuccess();
            Assert.Equal("two\n", await File.ReadAllTextAsync(dir.Combine("d/sub/b")));
            (await Run(cli, "cp", $"{name}:/srv/d/.", dir.Combine("contents"))).EnsureSuccess();
            Assert.Equal("two\n", await File.ReadAllTextAsync(dir.Combine("contents/sub/b")));

            Directory.CreateDirectory(dir.Combine("up/inner"));
            await File.WriteAllTextAsync(dir.Combine("up/inner/c"), "three\n");
            await File.WriteAllTextAsync(dir.Combine(".wh.plain"), "not a whiteout\n");
            (await Run(cli, "cp", dir.Combine("up"), $"{name}:/srv/")).EnsureSuccess();
            (await Run(cli, "cp", dir.Combine("up/."), $"{name}:/srv/d")).EnsureSuccess();
            (await Run(cli, "cp", dir.Combine(".wh.plain"), $"{name}:/srv/renamed")).EnsureSuccess();
            var tree = await engine.Berth("cp", $"{name}:/srv", "-");
            tree.EnsureSuccess();
            if (!running) (await engine.Berth("start", name)).EnsureSuccess();
            var cat = await engine.Berth("exec", name, "cat", "/srv/up/inner/c", "/srv/d/inner/c", "/srv/renamed");
            Assert.Equal("three\nthree\nnot a whiteout\n", cat.EnsureSuccess().Stdout);

            var missing = await Run(cli, "cp", $"{name}:/nonexistent", dir.Path);
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains($"Could not find the file /nonexistent in container {name}", missing.Stderr);
        }
        finally
        {
            await engine.Berth("rm", "-f", name);
        }
    }

    [Fact]
    public async Task SymlinksAndDotDotStayInsideTheContainer()
    {
        using var host = new TempDir("cp-host-");
        var marker = host.Combine("marker");
        await File.WriteAllTextAsync(marker, "host secret\n");
        (await engine.Berth("create", "--name", "cp-escape", "busybox", "true")).EnsureSuccess();
        try
        {
            // Links to the root and above it, made inside the container's file system.
            // The host directory's path also exists inside the container: writes through evil/abs must land there.
            var links = new TarBuilder().Directory("evil").Directory(host.Path.TrimStart('/')).Symlink("evil/root", "/")
                .Symlink("evil/up", "../../../../..").Symlink("evil/abs", host.Path).ToArray();
            (await engine.Cli.RunAsync("berth", ["cp", "-", "cp-escape:/"], links)).EnsureSuccess();

            // Reading through them finds the container's files, never the host's.
            using var outDir = new TempDir("cp-out-");
            var viaRoot = await engine.Berth("cp", $"cp-escape:/evil/root{host.Path}/marker", outDir.Path);
            Assert.NotEqual(0, viaRoot.ExitCode);
            Assert.Contains("Could not find the file", viaRoot.Stderr);
            var viaUp = await engine.Berth("cp", "cp-escape:/evil/up/bin/busybox", outDir.Path);
            viaUp.EnsureSuccess();
            Assert.True(new FileInfo(outDir.Combine("busybox")).Length > 100_000);
            Assert.NotEqual(0, (await engine.Berth("cp", "cp-escape:/evil/abs/marker", outDir.Path)).ExitCode);

            // Writing through them lands inside the container.
            await File.WriteAllTextAsync(outDir.Combine("dropped"), "x\n");
            (await engine.Berth("cp", outDir.Combine("dropped"), $"cp-escape:/evil/abs/")).EnsureSuccess();
            Assert.False(File.Exists(host.Combine("dropped")));
            var tar = new TarBuilder().File("../../../../../../tmp/cp-escape-dotdot", "contained\n").ToArray();
            (await engine.Cli.RunAsync("berth", ["cp", "-", "cp-escape:/evil/up"], tar)).EnsureSuccess();
            Assert.False(File.Exists("/tmp/cp-escape-dotdot"));
            var inside = await engine.Berth("cp", "cp-escape:/tmp/cp-escape-dotdot", outDir.Combine("dotdot"));
            inside.EnsureSuccess();
            Assert.Equal("contained\n", await File.ReadAllTextAsync(outDir.Combine("dotdot")));
            Assert.Equal("x\n", await File.ReadAllTextAsync(await CopyOut("cp-escape", $"{host.Path}/dropped", outDir)));
            Assert.Equal("host secret\n", await File.ReadAllTextAsync(marker));
        }
        finally
        {
            await engine.Berth("rm", "-f", "cp-escape");
        }
    }

    [Fact]
    public async Task ArchiveModeKeepsOwnersAndModesAndFollowLinkCopiesTheTarget()
    {
        using var dir = new TempDir("cp-own-");
        var file = dir.Combine("owned");
        await File.WriteAllTextAsync(file, "mine\n");
        File.SetUnixFileMode(file, (UnixFileMode)0x1e4); // 0744
        (await engine.Cli.RunAsync("chown", ["1234:5678", file])).EnsureSuccess();
        (await engine.Berth("run", "-d", "--name", "cp-own", "busybox", "sh", "-c", "echo target > /target; ln -s /target /link; sleep 300")).EnsureSuccess();
        try
        {
            (await engine.Berth("cp", "-a", file, "cp-own:/kept")).EnsureSuccess();
            (await engine.Berth("cp", file, "cp-own:/rooted")).EnsureSuccess();
            var stat = await engine.Berth("exec", "cp-own", "stat", "-c", "%u:%g %a", "/kept", "/rooted");
            Assert.Equal("1234:5678 744\n0:0 744\n", stat.EnsureSuccess().Stdout);

            await Poll.UntilAsync(async () => (await engine.Berth("exec", "cp-own", "test", "-L", "/link")).Succeeded, TimeSpan.FromSeconds(10));
            (await engine.Berth("cp", "cp-own:/link", dir.Combine("plain"))).EnsureSuccess();
            Assert.Equal("/target", new FileInfo(dir.Combine("plain")).LinkTarget);
            (await engine.Berth("cp", "-L", "cp-own:/link", dir.Combine("followed"))).EnsureSuccess();
            Assert.Null(new FileInfo(dir.Combine("followed")).LinkTarget);
            Assert.Equal("target\n", await File.ReadAllTextAsync(dir.Combine("followed")));
        }
        finally
        {
            await engine.Berth("rm", "-f", "cp-own");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PathsInsideVolumesAndBindsUseTheMountedData(bool running)
    {
        var name = $"cp-vol-{(running ? "up" : "down")}";
        using var bind = new TempDir("cp-bind-");
        (await engine.Berth("run", "-d", "--name", name, "-v", $"{name}-data:/data", "-v", $"{bind.Path}:/bound", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            if (!running) (await engine.Berth("stop", "-t", "0", name)).EnsureSuccess();
            var tar = new TarBuilder().File("in-volume", "vol\n").ToArray();
            (await engine.Cli.RunAsync("berth", ["cp", "-", $"{name}:/data"], tar)).EnsureSuccess();
            (await engine.Cli.RunAsync("berth", ["cp", "-", $"{name}:/bound"], new TarBuilder().File("in-bind", "bind\n").ToArray())).EnsureSuccess();
            Assert.Equal("bind\n", await File.ReadAllTextAsync(bind.Combine("in-bind")));
            var read = await engine.Berth("run", "--rm", "-v", $"{name}-data:/v", "busybox", "cat", "/v/in-volume");
            Assert.Equal("vol\n", read.EnsureSuccess().Stdout);
            using var outDir = new TempDir("cp-vol-out-");
            Assert.Equal("vol\n", await File.ReadAllTextAsync(await CopyOut(name, "/data/in-volume", outDir)));
        }
        finally
        {
            await engine.Berth("rm", "-f", "-v", name);
            await engine.Berth("volume", "rm", $"{name}-data");
        }
    }

    [Fact]
    public async Task TarStreamsGoToStdoutAndComeFromStdin()
    {
        (await engine.Berth("create", "--name", "cp-stream", "busybox", "true")).EnsureSuccess();
        using var dir = new TempDir("cp-stream-");
        try
        {
            var tarPath = dir.Combine("etc.tar");
            var sh = await engine.Cli.RunAsync("sh", ["-c", $"'{BuiltBinaries.Cli}' cp cp-stream:/etc - > '{tarPath}'"]);
            sh.EnsureSuccess();
            var names = new List<string>();
            await using (var stream = File.OpenRead(tarPath))
            {
                using var reader = new TarReader(stream);
                while (reader.GetNextEntry() is { } entry) names.Add(entry.Name);
            }
            Assert.Equal("etc/", names[0]);
            Assert.Contains("etc/passwd", names);

            var notDir = await engine.Cli.RunAsync("berth", ["cp", "-", "cp-stream:/bin/busybox"], new TarBuilder().File("x", "y").ToArray());
            Assert.NotEqual(0, notDir.ExitCode);
            Assert.Contains("must be a directory", notDir.Stderr);
        }
        finally
        {
            await engine.Berth("rm", "-f", "cp-stream");
        }
    }

    private Task<CliResult> Run(string cli, params string[] args) => engine.Cli.RunAsync(cli, args);

    private async Task<string> CopyOut(string container, string path, TempDir dir)
    {
        var target = dir.Combine($"out-{Guid.NewGuid():N}");
        (await engine.Berth("cp", $"{container}:{path}", target)).EnsureSuccess();
        return target;
    }
}
