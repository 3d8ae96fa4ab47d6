using Berth.Core.Mounts;
using Berth.Engine.Images;

namespace Berth.Engine.Containers;

/// <summary>
/// Mounts and unmounts a container's root filesystem at its bundle's rootfs directory, from the mounts the
/// image service's snapshotter returns (the snapshotter never mounts; this is the caller that does).
/// </summary>
public sealed class ContainerRootfs(IImageService images, ContainerPaths paths)
{
    public string Mount(string containerId)
    {
        var target = paths.RootfsDir(containerId);
        Directory.CreateDirectory(target);
        if (MountExecutor.IsMountPoint(target)) return target;
        MountExecutor.MountAll(images.ContainerLayerMounts(containerId), target);
        return target;
    }

    /// <summary>Unmounts (lazily if busy) and removes the bundle directory. Missing is fine.</summary>
    public void Unmount(string containerId)
    {
        var target = paths.RootfsDir(containerId);
        while (Directory.Exists(target) && MountExecutor.IsMountPoint(target))
            MountExecutor.Unmount(target, detach: true);
        var bundle = paths.BundleDir(containerId);
        if (Directory.Exists(bundle)) Directory.Delete(bundle, recursive: true);
    }
}
