using Berth.Api;
using Berth.Core;
using Berth.Engine.Containers;
using Berth.Engine.Exec;
using Berth.Engine.Specs;
using Berth.Runtime.Spec;
using OciProcess = Berth.Runtime.Spec.Process;

namespace Berth.Engine.Tests.Exec;

public sealed class ExecProcessBuilderTests : IDisposable
{
    private const ulong HostCaps = 0x1fffeffffffUL; // every capability but CAP_SYS_RESOURCE
    private readonly string _rootfs = Directory.CreateTempSubdirectory("berth-exec-").FullName;
    private readonly ExecProcessBuilder _builder = new(new RuntimeHost(HostCaps, 20000, () => []));

    public ExecProcessBuilderTests()
    {
        Directory.CreateDirectory(Path.Combine(_rootfs, "etc"));
        File.WriteAllText(Path.Combine(_rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1001::/home/alice:/bin/sh\n");
        File.WriteAllText(Path.Combine(_rootfs, "etc", "group"), "root:x:0:\nalice:x:1001:\nstaff:x:50:alice\n");
    }

    public void Dispose() => Directory.Delete(_rootfs, recursive: true);

    private static ContainerRecord Container(string? user = null, string? workingDir = null, List<string>? env = null) => new()
    {
        Id = new string('a', 64),
        Name = "/c",
        Created = DateTimeOffset.UnixEpoch,
        ImageId = "sha256:" + new string('b', 64),
        ImageName = "busybox",
        Config = new ContainerConfig { User = user, WorkingDir = workingDir, Env = env ?? ["PATH=/custom/bin", "FROM_IMAGE=1"] },
        HostConfig = new HostConfig(),
        Path = "sleep",
        Args = ["600"],
    };

    private static OciProcess ContainerProcess() => new()
    {
        Args = ["sleep", "600"],
        Capabilities = new Capabilities { Bounding = ["CAP_CHOWN", "CAP_KILL"], Effective = ["CAP_CHOWN", "CAP_KILL"], Permitted = ["CAP_CHOWN", "CAP_KILL"] },
        Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Hard = 1024, Soft = 1024 }],
        NoNewPrivileges = true,
        ApparmorProfile = "docker-default",
        SelinuxLabel = "system_u:system_r:container_t:s0",
        OomScoreAdj = 5,
    };

    private OciProcess Build(ExecOptions options, ContainerRecord? container = null, ConsoleDimensions? size = null) =>
        _builder.Build(ContainerProcess(), container ?? Container(), options, _rootfs, size);

    [Fact]
    public void Keeps_the_containers_security_settings_and_runs_the_exec_command()
    {
        var process = Build(new ExecOptions { Cmd = ["ls", "-l"] });

        Assert.Equal(["ls", "-l"], process.Args);
        Assert.Equal(["CAP_CHOWN", "CAP_KILL"], process.Capabilities!.Bounding);
        Assert.Equal(process.Capabilities.Bounding, process.Capabilities.Effective);
        Assert.Equal("RLIMIT_NOFILE", Assert.Single(process.Rlimits!).Type);
        Assert.True(process.NoNewPrivileges);
        Assert.Equal(("docker-default", "system_u:system_r:container_t:s0", 5), (process.ApparmorProfile, process.SelinuxLabel, process.OomScoreAdj));
        Assert.Equal((0u, 0u, "/"), (process.User.Uid, process.User.Gid, process.Cwd));
        Assert.False(process.Terminal);
        Assert.Null(process.ConsoleSize);
    }

    [Fact]
    public void Environment_is_dockers_defaults_then_the_containers_then_the_execs()
    {
        var process = Build(new ExecOptions { Cmd = ["env"], Env = ["FROM_IMAGE=2", "EXTRA=x", "PATH"], Tty = true });

        Assert.Equal(["HOSTNAME=aaaaaaaaaaaa", "TERM=xterm", "FROM_IMAGE=2", "EXTRA=x"], process.Env);
        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=aaaaaaaaaaaa"],
            Build(new ExecOptions { Cmd = ["env"] }, Container(env: [])).Env);
    }

    [Fact]
    public void User_and_working_directory_come_from_the_exec_or_the_container()
    {
        var alice = Build(new ExecOptions { Cmd = ["id"], User = "alice", WorkingDir = "/work" });
        Assert.Equal((1000u, 1001u, "/work"), (alice.User.Uid, alice.User.Gid, alice.Cwd));
        Assert.Equal([50u], alice.User.AdditionalGids);
        // Like the container's own process: a non-root user has no effective capabilities.
        Assert.Empty(alice.Capabilities!.Effective!);
        Assert.Equal(["CAP_CHOWN", "CAP_KILL"], alice.Capabilities.Bounding);

        var inherited = Build(new ExecOptions { Cmd = ["id"] }, Container(user: "1000:50", workingDir: "/srv"));
        Assert.Equal((1000u, 50u, "/srv"), (inherited.User.Uid, inherited.User.Gid, inherited.Cwd));

        Assert.Equal(ErrorKind.InvalidArgument,
            Assert.Throws<BerthException>(() => Build(new ExecOptions { Cmd = ["id"], User = "nobody-here" })).Kind);
    }

    [Fact]
    public void Privileged_gets_every_capability_the_host_allows_and_tty_gets_the_console_size()
    {
        var process = Build(new ExecOptions { Cmd = ["sh"], Privileged = true, Tty = true }, size: new ConsoleDimensions(40, 120));

        Assert.Equal(CapabilitySet.HostAll(HostCaps), process.Capabilities!.Bounding);
        Assert.Contains("CAP_SYS_ADMIN", process.Capabilities.Effective!);
        Assert.DoesNotContain("CAP_SYS_RESOURCE", process.Capabilities.Bounding!);
        Assert.True(process.Terminal);
        Assert.Equal((40u, 120u), (process.ConsoleSize!.Height, process.ConsoleSize.Width));
    }
}
