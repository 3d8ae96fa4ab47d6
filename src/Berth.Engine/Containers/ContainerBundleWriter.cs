using Berth.Engine.Specs;
using Berth.Runtime;
using Berth.Runtime.Spec;

namespace Berth.Engine.Containers;

/// <summary>
/// Turns a container record into an OCI bundle: the runtime spec (config.json) beside the mounted rootfs,
/// with the generated /etc/hostname, /etc/hosts and /etc/resolv.conf bind-mounted in as dockerd does.
/// </summary>
public sealed class ContainerBundleWriter(ContainerPaths paths)
{
    private readonly RuntimeSpecBuilder _builder = new();

    public Task WriteAsync(ContainerRecord record, string rootfs, CancellationToken cancellationToken)
    {
        var config = record.Config;
        var host = record.HostConfig;
        var input = new RuntimeSpecInput
        {
            Args = [record.Path, .. record.Args],
            Env = config.Env ?? [],
            Cwd = string.IsNullOrEmpty(config.WorkingDir) ? "/" : config.WorkingDir,
            User = config.User ?? "",
            Hostname = config.Hostname ?? record.ShortId,
            Tty = config.Tty,
            OpenStdin = config.OpenStdin,
            Privileged = host.Privileged,
            ReadonlyRootfs = host.ReadonlyRootfs,
            MemoryBytes = host.Memory,
            MemorySwapBytes = host.MemorySwap,
            NanoCpus = host.NanoCpus,
            CpuShares = host.CpuShares,
            CpuPeriod = host.CpuPeriod,
            CpuQuota = host.CpuQuota,
            CpusetCpus = host.CpusetCpus ?? "",
            CpusetMems = host.CpusetMems ?? "",
            PidsLimit = host.PidsLimit ?? 0,
            CapAdd = host.CapAdd ?? [],
            CapDrop = host.CapDrop ?? [],
            CgroupsPath = $"/berth/{record.Id}",
            RootfsPath = rootfs,
            Mounts = OrderedMounts(record, rootfs),
            HostNetwork = host.NetworkMode == "host",
            NetworkNamespacePath = record.Network?.SandboxKey,
        };
        var spec = _builder.Build(input);
        return BundleWriter.WriteConfigAsync(paths.BundleDir(record.Id), spec, cancellationToken);
    }

    /// <summary>
    /// The generated files (the network container's for <c>container:</c> mode) and the user's mounts, parents before children (a volume on /etc must not hide the
    /// /etc/hosts bind, as dockerd sorts by path depth); a user mount at /etc/hosts replaces the generated file.
    /// </summary>
    private List<Mount> OrderedMounts(ContainerRecord record, string rootfs)
    {
        var readOnly = record.HostConfig.ReadonlyRootfs;
        var user = record.Mounts.Select(m => ToRuntimeMount(m, rootfs)).ToList();
        // container:<name|id> shares the target's files (same inodes: its later rewrites show here too), as Docker.
        var filesOf = record.Network?.NetworkContainerId ?? record.Id;
        var generated = new[]
        {
            BindFile(paths.HostnameFile(filesOf), "/etc/hostname", readOnly),
            BindFile(paths.HostsFile(filesOf), "/etc/hosts", readOnly),
            BindFile(paths.ResolvConfFile(filesOf), "/etc/resolv.conf", readOnly),
        }.Where(g => user.All(u => u.Destination != g.Destination));
        return [.. generated.Concat(user).OrderBy(m => m.Destination.Count(c => c == '/'))];
    }

    /// <summary>
    /// A planned mount as runc takes it: binds and volumes as recursive binds of their host directory (an empty
    /// volume first gets the image's content at the destination), tmpfs with dockerd's noexec/nosuid/nodev.
    /// </summary>
    private static Mount ToRuntimeMount(ContainerMount mount, string rootfs)
    {
        if (mount.Type == ContainerMount.Tmpfs)
            return new Mount { Destination = mount.Destination, Type = "tmpfs", Source = "tmpfs", Options = ["noexec", "nosuid", "nodev", .. mount.TmpfsOptions] };
        if (mount.Type == ContainerMount.Volume && !mount.NoCopy) VolumeCopyUp.CopyIfEmpty(rootfs, mount.Destination, mount.Source);
        return new Mount
        {
            Destination = mount.Destination,
            Type = "bind",
            Source = mount.Source,
            Options = ["rbind", mount.Propagation, mount.ReadOnly ? "ro" : "rw"],
        };
    }

    /// <summary>A bind mount of one generated host file (hostname, hosts, resolv.conf) into the container.</summary>
    private static Mount BindFile(string source, string destination, bool readOnly) => new()
    {
        Destination = destination,
        Type = "bind",
        Source = source,
        Options = readOnly ? ["rbind", "rprivate", "ro"] : ["rbind", "rprivate"],
    };
}
