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
            Mounts =
            [
                BindFile(paths.HostnameFile(record.Id), "/etc/hostname", host.ReadonlyRootfs),
                BindFile(paths.HostsFile(record.Id), "/etc/hosts", host.ReadonlyRootfs),
                BindFile(paths.ResolvConfFile(record.Id), "/etc/resolv.conf", host.ReadonlyRootfs),
            ],
        };
        var spec = _builder.Build(input);
        return BundleWriter.WriteConfigAsync(paths.BundleDir(record.Id), spec, cancellationToken);
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
