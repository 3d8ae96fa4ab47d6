using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>system df</c> numbers and <c>system prune</c> removals, through berth and the docker CLI.</summary>
[Collection(EngineCollection.Name)]
public sealed class SystemDfPruneTests(EngineFixture engine)
{
    [Fact]
    public async Task DiskUsageCountsAContainersTenMegabytesAndVolumes()
    {
        (await engine.Berth("run", "--name", "df-big", "-v", "df-vol:/v", "busybox", "sh", "-c",
            "dd if=/dev/zero of=/big bs=1048576 count=10 2>/dev/null && dd if=/dev/zero of=/v/f bs=1024 count=300 2>/dev/null")).EnsureSuccess();
        try
        {
            var verbose = (await engine.Berth("system", "df", "-v")).EnsureSuccess().Stdout;
            var line = Assert.Single(verbose.Split('\n'), l => l.EndsWith("df-big", StringComparison.Ordinal));
            Assert.True(line.Contains("10.5MB", StringComparison.Ordinal) || line.Contains("10.49MB", StringComparison.Ordinal), verbose);
            var volume = Assert.Single(verbose.Split('\n'), l => l.StartsWith("df-vol ", StringComparison.Ordinal));
            Assert.Contains("307.2kB", volume);

            var summary = (await engine.Berth("system", "df")).EnsureSuccess().Stdout.Split('\n');
            Assert.StartsWith("TYPE", summary[0]);
            Assert.Contains("RECLAIMABLE", summary[0]);
            var containers = Assert.Single(summary, l => l.StartsWith("Containers", StringComparison.Ordinal));
            Assert.Contains("MB", containers);
            Assert.Contains(summary, l => l.StartsWith("Local Volumes", StringComparison.Ordinal));
            Assert.Contains(summary, l => l.StartsWith("Build Cache", StringComparison.Ordinal));

            var docker = (await engine.Docker("system", "df")).EnsureSuccess().Stdout;
            Assert.Contains("Containers", docker);
            Assert.Contains("Local Volumes", docker);
            var dockerVerbose = (await engine.Docker("system", "df", "-v")).EnsureSuccess().Stdout;
            Assert.Contains("df-big", dockerVerbose);
            Assert.Contains("df-vol", dockerVerbose);
        }
        finally
        {
            await engine.Berth("rm", "-f", "df-big");
            await engine.Berth("volume", "rm", "df-vol");
        }
    }

    [Fact]
    public async Task SystemPruneRemovesStoppedContainersAndWithVolumesTheirAnonymousVolumes()
    {
        var stopped = (await engine.Berth("create", "-v", "/anon", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var volume = (await engine.Berth("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", stopped)).EnsureSuccess().Stdout.Trim();
        (await engine.Berth("run", "-d", "--name", "prune-keep", "busybox", "sleep", "300")).EnsureSuccess();
        try
        {
            var declined = await engine.Cli.RunAsync("berth", ["system", "prune"], "n\n"u8.ToArray());
            Assert.Contains("WARNING! This will remove:", declined.EnsureSuccess().Stdout);
            Assert.True((await engine.Berth("inspect", stopped)).Succeeded);

            (await engine.Berth("rm", "-f", "prune-keep")).EnsureSuccess();
            (await engine.Berth("run", "-d", "--name", "prune-keep", "busybox", "sleep", "300")).EnsureSuccess();
            var pruned = (await engine.Berth("system", "prune", "-f", "--volumes")).EnsureSuccess().Stdout;
            Assert.Contains("Deleted Containers:\n", pruned);
            Assert.Contains(stopped, pruned);
            Assert.Contains("Deleted Volumes:\n", pruned);
            Assert.Contains(volume, pruned);
            Assert.Contains("Total reclaimed space:", pruned);
            Assert.False((await engine.Berth("inspect", stopped)).Succeeded);
            Assert.False((await engine.Berth("volume", "inspect", volume)).Succeeded);
            Assert.True((await engine.Berth("inspect", "prune-keep")).Succeeded);
            Assert.True((await engine.Berth("image", "inspect", "busybox")).Succeeded);
        }
        finally
        {
            await engine.Berth("rm", "-f", "-v", "prune-keep", stopped);
        }
    }
}
