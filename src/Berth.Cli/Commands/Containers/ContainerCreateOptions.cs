using System.CommandLine;

namespace Berth.Cli.Commands.Containers;

/// <summary>The flags <c>create</c> and <c>run</c> share (docker's names and short forms).</summary>
public sealed class ContainerCreateOptions
{
    public Option<string?> Name { get; } = new("--name") { Description = "Assign a name to the container" };
    public Option<string[]> Env { get; } = new("--env", "-e") { Description = "Set environment variables" };
    public Option<string[]> EnvFile { get; } = new("--env-file") { Description = "Read in a file of environment variables" };
    public Option<string?> Workdir { get; } = new("--workdir", "-w") { Description = "Working directory inside the container" };
    public Option<string?> User { get; } = new("--user", "-u") { Description = "Username or UID (format: <name|uid>[:<group|gid>])" };
    public Option<string?> Entrypoint { get; } = new("--entrypoint") { Description = "Overwrite the default ENTRYPOINT of the image" };
    public Option<string?> Hostname { get; } = new("--hostname", "-h") { Description = "Container host name" };
    public Option<string?> Domainname { get; } = new("--domainname") { Description = "Container NIS domain name" };
    public Option<string[]> Label { get; } = new("--label", "-l") { Description = "Set meta data on a container" };
    public Option<string[]> LabelFile { get; } = new("--label-file") { Description = "Read in a line delimited file of labels" };
    public Option<bool> Privileged { get; } = new("--privileged") { Description = "Give extended privileges to this container" };
    public Option<string?> Memory { get; } = new("--memory", "-m") { Description = "Memory limit" };
    public Option<string?> MemorySwap { get; } = new("--memory-swap") { Description = "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" };
    public Option<string?> MemoryReservation { get; } = new("--memory-reservation") { Description = "Memory soft limit" };
    public Option<string?> Cpus { get; } = new("--cpus") { Description = "Number of CPUs" };
    public Option<long?> CpuShares { get; } = new("--cpu-shares", "-c") { Description = "CPU shares (relative weight)" };
    public Option<string?> CpusetCpus { get; } = new("--cpuset-cpus") { Description = "CPUs in which to allow execution (0-3, 0,1)" };
    public Option<long?> PidsLimit { get; } = new("--pids-limit") { Description = "Tune container pids limit (set -1 for unlimited)" };
    public Option<bool> ReadOnly { get; } = new("--read-only") { Description = "Mount the container's root filesystem as read only" };
    public Option<string[]> CapAdd { get; } = new("--cap-add") { Description = "Add Linux capabilities" };
    public Option<string[]> CapDrop { get; } = new("--cap-drop") { Description = "Drop Linux capabilities" };
    public Option<bool> Interactive { get; } = new("--interactive", "-i") { Description = "Keep STDIN open even if not attached" };
    public Option<bool> Tty { get; } = new("--tty", "-t") { Description = "Allocate a pseudo-TTY" };
    public Option<string[]> Publish { get; } = new("--publish", "-p") { Description = "Publish a container's port(s) to the host" };
    public Option<bool> PublishAll { get; } = new("--publish-all", "-P") { Description = "Publish all exposed ports to random ports" };
    public Option<string[]> Expose { get; } = new("--expose") { Description = "Expose a port or a range of ports" };
    public Option<string[]> Volume { get; } = new("--volume", "-v") { Description = "Bind mount a volume" };
    public Option<string?> Network { get; } = new("--network", "--net") { Description = "Connect a container to a network" };
    public Option<bool> Remove { get; } = new("--rm") { Description = "Automatically remove the container and its associated anonymous volumes when it exits" };
    public Option<string?> Restart { get; } = new("--restart") { Description = "Restart policy to apply when a container exits (default \"no\")" };
    public Option<bool> Init { get; } = new("--init") { Description = "Run an init inside the container that forwards signals and reaps processes" };
    public Option<string?> StopSignal { get; } = new("--stop-signal") { Description = "Signal to stop the container" };
    public Option<int?> StopTimeout { get; } = new("--stop-timeout") { Description = "Timeout (in seconds) to stop a container" };
    public Option<string?> Platform { get; } = new("--platform") { Description = "Set platform if server is multi-platform capable" };
    public Option<string[]> Dns { get; } = new("--dns") { Description = "Set custom DNS servers" };
    public Option<string[]> DnsSearch { get; } = new("--dns-search") { Description = "Set custom DNS search domains" };
    public Option<string[]> DnsOption { get; } = new("--dns-option") { Description = "Set DNS options" };
    public Option<string[]> NetworkAlias { get; } = new("--network-alias") { Description = "Add network-scoped alias for the container" };
    public Option<string?> Ip { get; } = new("--ip") { Description = "IPv4 address (e.g., 172.30.100.104)" };
    public Option<string[]> AddHost { get; } = new("--add-host") { Description = "Add a custom host-to-IP mapping (host:ip)" };
    public Option<string[]> Tmpfs { get; } = new("--tmpfs") { Description = "Mount a tmpfs directory" };
    public Option<string[]> Mount { get; } = new("--mount") { Description = "Attach a filesystem mount to the container" };
    public Option<string[]> VolumesFrom { get; } = new("--volumes-from") { Description = "Mount volumes from the specified container(s)" };
    public Option<string[]> Ulimit { get; } = new("--ulimit") { Description = "Ulimit options" };
    public Option<string?> ShmSize { get; } = new("--shm-size") { Description = "Size of /dev/shm" };
    public Option<string[]> SecurityOpt { get; } = new("--security-opt") { Description = "Security Options" };
    public Option<string[]> Sysctl { get; } = new("--sysctl") { Description = "Sysctl options" };
    public Option<string?> LogDriver { get; } = new("--log-driver") { Description = "Logging driver for the container" };
    public Option<string[]> LogOpt { get; } = new("--log-opt") { Description = "Log driver options" };
    public Option<string?> Pid { get; } = new("--pid") { Description = "PID namespace to use" };
    public Option<string?> Ipc { get; } = new("--ipc") { Description = "IPC mode to use" };
    public Option<string?> Uts { get; } = new("--uts") { Description = "UTS namespace to use" };
    public Option<string?> Runtime { get; } = new("--runtime") { Description = "Runtime to use for this container" };
    public HealthcheckOptions Health { get; } = new();
    public Argument<string> Image { get; } = new("IMAGE");
    public Argument<string[]> Command { get; } = new("COMMAND") { Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Adds every flag and the IMAGE [COMMAND] [ARG...] arguments to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[
            Name, Env, EnvFile, Workdir, User, Entrypoint, Hostname, Domainname, Label, LabelFile, Privileged, Memory,
            MemorySwap, MemoryReservation, Cpus, CpuShares, CpusetCpus, PidsLimit, ReadOnly, CapAdd, CapDrop,
            Interactive, Tty, Publish, PublishAll, Expose, Volume, Network, Remove, Restart, Init, StopSignal,
            StopTimeout, Platform, Dns, DnsSearch, DnsOption, NetworkAlias, Ip, AddHost, Tmpfs, Mount, VolumesFrom, Ulimit, ShmSize, SecurityOpt, Sysctl, LogDriver, LogOpt,
            Pid, Ipc, Uts, Runtime])
        {
            command.Add(option);
        }
        Health.AddTo(command);
        Image.Validators.Add(result =>
        {
            // An unknown flag before IMAGE would otherwise be taken as the image name.
            if (result.Tokens is [{ Value: var token }] && token.StartsWith('-'))
            {
                result.AddError($"unknown flag: {token.Split('=')[0]}");
            }
        });
        command.Add(Image);
        command.Add(Command);
    }

    /// <summary>Reads the parsed flags into plain values.</summary>
    public ContainerRunSettings Read(ParseResult result, bool detach) => new()
    {
        Name = result.GetValue(Name),
        Env = result.GetValue(Env) ?? [],
        EnvFiles = result.GetValue(EnvFile) ?? [],
        Workdir = result.GetValue(Workdir),
        User = result.GetValue(User),
        Entrypoint = result.GetValue(Entrypoint),
        EntrypointSet = result.GetResult(Entrypoint) is { Implicit: false },
        Hostname = result.GetValue(Hostname),
        Domainname = result.GetValue(Domainname),
        Labels = result.GetValue(Label) ?? [],
        LabelFiles = result.GetValue(LabelFile) ?? [],
        Privileged = result.GetValue(Privileged),
        Memory = result.GetValue(Memory),
        MemorySwap = result.GetValue(MemorySwap),
        MemoryReservation = result.GetValue(MemoryReservation),
        Cpus = result.GetValue(Cpus),
        CpuShares = result.GetValue(CpuShares),
        CpusetCpus = result.GetValue(CpusetCpus),
        PidsLimit = result.GetValue(PidsLimit),
        ReadOnly = result.GetValue(ReadOnly),
        CapAdd = result.GetValue(CapAdd) ?? [],
        CapDrop = result.GetValue(CapDrop) ?? [],
        Interactive = result.GetValue(Interactive),
        Tty = result.GetValue(Tty),
        Publish = result.GetValue(Publish) ?? [],
        PublishAll = result.GetValue(PublishAll),
        Expose = result.GetValue(Expose) ?? [],
        Volumes = result.GetValue(Volume) ?? [],
        Network = result.GetValue(Network),
        AutoRemove = result.GetValue(Remove),
        Restart = result.GetValue(Restart),
        Init = result.GetValue(Init),
        StopSignal = result.GetValue(StopSignal),
        StopTimeout = result.GetValue(StopTimeout),
        Platform = result.GetValue(Platform),
        Dns = result.GetValue(Dns) ?? [],
        DnsSearch = result.GetValue(DnsSearch) ?? [],
        DnsOptions = result.GetValue(DnsOption) ?? [],
        NetworkAliases = result.GetValue(NetworkAlias) ?? [],
        Ip = result.GetValue(Ip),
        AddHost = result.GetValue(AddHost) ?? [],
        Tmpfs = result.GetValue(Tmpfs) ?? [],
        Mounts = result.GetValue(Mount) ?? [],
        VolumesFrom = result.GetValue(VolumesFrom) ?? [],
        Ulimits = result.GetValue(Ulimit) ?? [],
        ShmSize = result.GetValue(ShmSize),
        SecurityOpt = result.GetValue(SecurityOpt) ?? [],
        Sysctls = result.GetValue(Sysctl) ?? [],
        LogDriver = result.GetValue(LogDriver),
        LogOpts = result.GetValue(LogOpt) ?? [],
        PidMode = result.GetValue(Pid),
        IpcMode = result.GetValue(Ipc),
        UtsMode = result.GetValue(Uts),
        Runtime = result.GetValue(Runtime),
        Image = result.GetValue(Image)!,
        Command = result.GetValue(Command) ?? [],
        Detach = detach,
        Health = Health.Read(result),
    };
}
