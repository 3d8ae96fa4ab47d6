using Berth.Testing;

namespace Berth.Integration.Tests;

/// <summary><c>update</c> through berth and the real docker CLI: cgroup files change, the record keeps it, errors are dockerd's.</summary>
[Collection(EngineCollection.Name)]
public sealed class UpdateTests(EngineFixture engine)
{
    private const string CgroupRoot = "/sys/fs/cgroup";
    private static bool IsCgroupV2 => File.Exists(Path.Combine(CgroupRoot, "cgroup.controllers"));

    /// <summary>A cgroup file of the container: the v1 controller's, or the unified tree's on v2.</summary>
    private static string CgroupFile(string id, string v1Controller, string v1File, string v2File) =>
        IsCgroupV2
            ? Path.Combine(CgroupRoot, "berth", id, v2File)
            : Path.Combine(CgroupRoot, v1Controller, "berth", id, v1File);

    private static string Read(string path) => File.ReadAllText(path).Trim();

    [Fact]
    public async Task DockerUpdateChangesALiveContainersLimitsAndTheRecord()
    {
        var id = (await engine.Docker("run", "-d", "--name", "upd-docker", "--memory", "32m", "busybox", "sh", "-c", "while true; do sleep 1; done")).EnsureSuccess().Stdout.Trim();
        try
        {
            Assert.Equal("upd-docker", (await engine.Docker("update", "--memory", "64m", "--cpus", "0.5", "--pids-limit", "20", "upd-docker")).EnsureSuccess().Stdout.Trim());
            Assert.Equal("67108864 500000000 20",
                (await engine.Docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}", "upd-docker")).EnsureSuccess().Stdout.Trim());
            Assert.Equal("67108864", Read(CgroupFile(id, "memory", "memory.limit_in_bytes", "memory.max")));
            Assert.Equal("20", Read(CgroupFile(id, "pids", "pids.max", "pids.max")));
            if (!IsCgroupV2) Assert.Equal("50000", Read(CgroupFile(id, "cpu", "cpu.cfs_quota_us", "cpu.max")));

            // The limits hold across a restart: the bundle is written from the record.
            (await engine.Docker("restart", "-t", "0", "upd-docker")).EnsureSuccess();
            Assert.Equal("67108864", Read(CgroupFile(id, "memory", "memory.limit_in_bytes", "memory.max")));
            Assert.Equal("20", Read(CgroupFile(id, "pids", "pids.max", "pids.max")));

            // dockerd's default swap is twice the first memory limit (64m); more memory needs more swap.
            var tooBig = await engine.Docker("update", "--memory", "100m", "upd-docker");
            Assert.NotEqual(0, tooBig.ExitCode);
            Assert.Contains("Memory limit should be smaller than already set memoryswap limit", tooBig.Stderr);
            var tiny = await engine.Docker("update", "--memory", "3m", "upd-docker");
            Assert.NotEqual(0, tiny.ExitCode);
            Assert.Contains("Minimum memory limit allowed is 6MB", tiny.Stderr);
        }
        finally
        {
            await engine.Berth("rm", "-f", "upd-docker");
        }
    }

    [Fact]
    public async Task MemoryBelowCurrentUseIsRefusedWithRuncsError()
    {
        (await engine.Berth("run", "-d", "--name", "upd-hog", "--memory", "100m", "busybox", "sh", "-c",
            "a=$(head -c 20000000 /dev/zero | tr '\\0' x); echo ready; while true; do sleep 1; done")).EnsureSuccess();
        try
        {
            await Poll.UntilAsync(async () => (await engine.Berth("logs", "upd-hog")).Stdout.Contains("ready", StringComparison.Ordinal),
                TimeSpan.FromSeconds(20), "the hog to allocate");
            var refused = await engine.Berth("update", "--memory", "8m", "--memory-swap", "8m", "upd-hog");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Cannot update container", refused.Stderr);
            Assert.Contains("memory limit", refused.Stderr);
            Assert.Equal("104857600", (await engine.Berth("inspect", "-f", "{{.HostConfig.Memory}}", "upd-hog")).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await engine.Berth("rm", "-f", "upd-hog");
        }
    }

    [Fact]
    public async Task RestartPolicyUpdateTakesEffect()
    {
        (await engine.Berth("run", "-d", "--name", "upd-restart", "busybox", "sh", "-c", "sleep 2; exit 3")).EnsureSuccess();
        try
        {
            Assert.Equal("upd-restart", (await engine.Berth("update", "--restart", "on-failure:2", "upd-restart")).EnsureSuccess().Stdout.Trim());
            Assert.Equal("on-failure 2",
                (await engine.Berth("inspect", "-f", "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}", "upd-restart")).EnsureSuccess().Stdout.Trim());
            await Poll.UntilAsync(async () =>
                (await engine.Berth("inspect", "-f", "{{.RestartCount}} {{.State.Status}}", "upd-restart")).Stdout.Trim() == "2 exited",
                TimeSpan.FromSeconds(60), "two restarts, then exited");

            // A stopped container's record is updated on its own.
            Assert.Equal("upd-restart", (await engine.Berth("update", "--restart", "always", "--memory", "64m", "--memory-swap", "-1", "upd-restart")).EnsureSuccess().Stdout.Trim());
            Assert.Equal("always 67108864",
                (await engine.Berth("inspect", "-f", "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}}", "upd-restart")).EnsureSuccess().Stdout.Trim());
        }
        finally
        {
            await engine.Berth("rm", "-f", "upd-restart");
        }
    }

    [Fact]
    public async Task AutoRemoveContainersKeepNoRestartPolicy()
    {
        (await engine.Berth("run", "-d", "--rm", "--name", "upd-rm", "busybox", "sh", "-c", "while true; do sleep 1; done")).EnsureSuccess();
        try
        {
            var refused = await engine.Docker("update", "--restart", "always", "upd-rm");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Restart policy cannot be updated because AutoRemove is enabled for the container", refused.Stderr);
            var noFlags = await engine.Berth("update", "upd-rm");
            Assert.NotEqual(0, noFlags.ExitCode);
            Assert.Contains("you must provide one or more flags", noFlags.Stderr);
        }
        finally
        {
            await engine.Berth("rm", "-f", "upd-rm");
        }
    }
}
