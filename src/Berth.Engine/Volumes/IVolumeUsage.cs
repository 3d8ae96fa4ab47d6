namespace Berth.Engine.Volumes;

/// <summary>Which containers mount a volume (answered from the container store; no cycle between the services).</summary>
public interface IVolumeUsage
{
    IReadOnlyList<string> ContainersUsing(string volumeName);
}
