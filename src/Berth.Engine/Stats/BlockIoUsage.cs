namespace Berth.Engine.Stats;

/// <summary>
/// Block I/O per device: bytes (both cgroup versions) and operations (<see cref="ServicedRecursive"/>, v1 only;
/// null on v2, as in Docker).
/// </summary>
public sealed record BlockIoUsage(IReadOnlyList<BlockIoEntry> ServiceBytesRecursive, IReadOnlyList<BlockIoEntry>? ServicedRecursive)
{
    public static BlockIoUsage Empty { get; } = new([], null);
}
