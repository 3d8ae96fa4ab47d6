using Berth.Engine.Volumes;

namespace Berth.Engine.Containers;

/// <summary>Answers the volume service's "who mounts this volume" from the container store.</summary>
public sealed class ContainerVolumeUsage(IContainerStore store) : IVolumeUsage
{
    public IReadOnlyList<string> ContainersUsing(string volumeName) =>
        [.. store.View.All.Where(c => c.Mounts.Any(m => m.Name == volumeName)).Select(c => c.Id)];
}
