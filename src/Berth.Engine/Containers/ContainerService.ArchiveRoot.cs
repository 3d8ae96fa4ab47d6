using Berth.Core.Archive;
using Berth.Core.Interop;
using Berth.Core.Mounts;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// Runs <paramref name="work"/> with a running container paused (as dockerd does for cp, CVE-2018-15664): paths
    /// are checked under /proc/PID/root and then opened, and a process of the container must not swap a checked
    /// directory for a symlink in between (an absolute link there would resolve against the host's root).
    /// </summary>
    private async Task<T> FrozenAsync<T>(ContainerRecord record, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var freeze = record.State.Status == ContainerStatus.Running && _running.ContainsKey(record.Id);
        if (freeze) await _runtime.PauseAsync(record.Id, cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            if (freeze) await _runtime.ResumeAsync(record.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a host path that shows the container's file system as the container sees
    /// it, volumes and binds included. A running container: its own root, <c>/proc/PID/root</c> (its mount
    /// namespace, so tmpfs mounts count too). Otherwise, under the container's lock (no start meanwhile): its
    /// writable layer mounted at a private directory with its bind and volume mounts bound in, all unmounted after.
    /// </summary>
    private async Task<T> InContainerRootAsync<T>(ContainerRecord record, Func<string, Task<T>> work, CancellationToken cancellationToken)
    {
        if (RunningRoot(record) is { } running) return await FrozenAsync(record, () => work(running), cancellationToken).ConfigureAwait(false);
        using (await _locks.AcquireAsync(record.Id, cancellationToken).ConfigureAwait(false))
        {
            var current = Get(record.Id);
            if (RunningRoot(current) is { } started) return await FrozenAsync(current, () => work(started), cancellationToken).ConfigureAwait(false);
            var target = Path.Combine(_paths.ContainersDir, current.Id, $"cp-{Guid.NewGuid():N}");
            Directory.CreateDirectory(target);
            var mounted = new List<string>();
            try
            {
                MountExecutor.MountAll(_images.ContainerLayerMounts(current.Id), target);
                mounted.Add(target);
                foreach (var mount in current.Mounts
                             .Where(m => m.Type is ContainerMount.Bind or ContainerMount.Volume)
                             .OrderBy(m => RootedPath.Clean(m.Destination).Count))
                {
                    if (MountPointInView(target, mount) is not { } at) continue;
                    var options = mount.ReadOnly ? new[] { "rbind", "ro", "rprivate" } : ["rbind", "rprivate"];
                    MountExecutor.Mount(new Mount("bind", mount.Source, options), at);
                    mounted.Add(at);
                }
                return await work(target).ConfigureAwait(false);
            }
            finally
            {
                for (var i = mounted.Count - 1; i >= 0; i--) MountExecutor.UnmountAll(mounted[i], detach: true);
                Directory.Delete(target);
            }
        }
    }

    private static string? RunningRoot(ContainerRecord record)
    {
        if (record.State is not { IsRunning: true, Pid: > 0 } state) return null;
        var root = $"/proc/{state.Pid}/root";
        return Directory.Exists(root) ? root : null;
    }

    /// <summary>
    /// Where a mount goes in the stopped container's view, resolved inside it and created as runc would at start
    /// (a directory, or an empty file for a file source). Null when its source is gone.
    /// </summary>
    private static string? MountPointInView(string root, ContainerMount mount)
    {
        var sourceIsDirectory = Directory.Exists(mount.Source);
        if (!sourceIsDirectory && !File.Exists(mount.Source)) return null;
        var components = RootedPath.Clean(mount.Destination);
        if (components.Count == 0) return null;
        RootedPath.ResolveParent(root, components, create: true);
        var at = ContainedPath.Resolve(root, mount.Destination, followFinal: true);
        if (at is null) return null;
        if (Libc.LstatOrNull(at) is null)
        {
            if (sourceIsDirectory) Directory.CreateDirectory(at);
            else File.WriteAllBytes(at, []);
        }
        return at;
    }
}
