using System.Collections.Concurrent;
using Berth.Engine.Containers;
using Berth.Engine.Images;
using Berth.Engine.Volumes;

namespace Berth.Engine.DiskUsage;

/// <summary>
/// Sizes for <c>system df</c>, kept so an answer never walks every layer: a committed layer's size never changes
/// (cached for good); a stopped container's writable layer is cached until it starts, stops again or gets files
/// by <c>cp</c> (its state stamp changes); a running one's and a volume's are reused for a few seconds.
/// </summary>
public sealed class DiskUsageSizes(IImageService images, ContainerService containers, TimeProvider time)
{
    public static readonly TimeSpan RunningTtl = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan VolumeTtl = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, long> _layers = new();
    private readonly ConcurrentDictionary<string, (string Stamp, long Size, DateTimeOffset At)> _containers = new();
    private readonly ConcurrentDictionary<string, (long Size, DateTimeOffset At)> _volumes = new();

    /// <summary>Bytes of one committed layer snapshot (named by its ChainID).</summary>
    public long Layer(string chainId) => _layers.GetOrAdd(chainId, images.ContainerLayerSize);

    /// <summary>Bytes in a container's writable layer (SizeRw).</summary>
    public long Container(ContainerRecord record)
    {
        var state = record.State;
        var stamp = $"{state.Status}|{state.StartedAt:O}|{state.FinishedAt:O}|{containers.ArchiveWrites(record.Id)}";
        var now = time.GetUtcNow();
        if (_containers.TryGetValue(record.Id, out var cached) && cached.Stamp == stamp && (!state.IsRunning || now - cached.At < RunningTtl))
            return cached.Size;
        var size = images.ContainerLayerSize(record.Id);
        _containers[record.Id] = (stamp, size, now);
        return size;
    }

    /// <summary>Bytes under a volume's directory.</summary>
    public long Volume(VolumeRecord volume)
    {
        var now = time.GetUtcNow();
        if (_volumes.TryGetValue(volume.Name, out var cached) && now - cached.At < VolumeTtl) return cached.Size;
        var size = Directory.Exists(volume.Mountpoint) ? VolumeService.DirectorySize(volume.Mountpoint) : 0;
        _volumes[volume.Name] = (size, now);
        return size;
    }

    /// <summary>Drops entries of containers and volumes that no longer exist.</summary>
    public void Forget(IReadOnlySet<string> containerIds, IReadOnlySet<string> volumeNames)
    {
        foreach (var id in _containers.Keys) if (!containerIds.Contains(id)) _containers.TryRemove(id, out _);
        foreach (var name in _volumes.Keys) if (!volumeNames.Contains(name)) _volumes.TryRemove(name, out _);
    }
}
