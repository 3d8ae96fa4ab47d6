using Berth.Core;
using Berth.Core.Archive;
using Berth.Core.Mounts;
using Berth.Engine.Events;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker export</c>: the container's merged file system as a tar. The layer is viewed through a
    /// read-only overlay of the container's upper directory over the image layers (all as lower directories, so
    /// the running container's own mount is untouched); whiteouts and opaque directories apply as in the container.
    /// </summary>
    public async Task ExportAsync(string idOrName, Stream output, CancellationToken cancellationToken)
    {
        var record = Get(idOrName);
        var view = ReadOnlyView(_images.ContainerLayerMounts(record.Id));
        if (view is null)
        {
            throw new BerthException($"container {record.Id} has no file system to export");
        }
        if (view.Type == "bind")
        {
            await DirectoryTarWriter.WriteAsync(view.Source, output, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteOverlayAsync(record.Id, view, output, cancellationToken).ConfigureAwait(false);
        }
        _events.PublishContainerEvent(record, ContainerEvents.Export);
    }

    private async Task WriteOverlayAsync(string id, Mount view, Stream output, CancellationToken cancellationToken)
    {
        var target = Path.Combine(_paths.ContainersDir, id, $"export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(target);
        try
        {
            MountExecutor.Mount(view, target);
            try
            {
                await DirectoryTarWriter.WriteAsync(target, output, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                MountExecutor.Unmount(target, detach: true);
            }
        }
        finally
        {
            Directory.Delete(target);
        }
    }

    /// <summary>The snapshot's mounts made read-only: an overlay's upperdir becomes its top lowerdir.</summary>
    private static Mount? ReadOnlyView(IReadOnlyList<Mount> mounts)
    {
        if (mounts is [{ Type: "bind" } bind]) return bind;
        if (mounts is not [{ Type: "overlay" } overlay]) return null;
        var layers = string.Join(':', new[] { OverlayMountOptions.UpperDir(overlay) }.Concat(OverlayMountOptions.LowerDirs(overlay))
            .Where(l => !string.IsNullOrEmpty(l)));
        if (!layers.Contains(':', StringComparison.Ordinal))
            return new Mount("bind", layers, ["rbind", "ro"]); // a single directory needs no overlay
        return new Mount("overlay", "overlay", ["ro", $"lowerdir={layers}"]);
    }
}
