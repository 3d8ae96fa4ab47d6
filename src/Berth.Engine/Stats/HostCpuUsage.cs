namespace Berth.Engine.Stats;

/// <summary>
/// The host's CPU time (all CPUs, nanoseconds, from /proc/stat's first line) and how many CPUs are online:
/// the denominator of Docker's CPU %.
/// </summary>
public sealed record HostCpuUsage(ulong SystemUsage, uint OnlineCpus);
