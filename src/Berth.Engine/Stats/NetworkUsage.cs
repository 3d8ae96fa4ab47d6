namespace Berth.Engine.Stats;

/// <summary>One network interface's counters from /proc/&lt;pid&gt;/net/dev.</summary>
public sealed record NetworkUsage(
    ulong RxBytes,
    ulong RxPackets,
    ulong RxErrors,
    ulong RxDropped,
    ulong TxBytes,
    ulong TxPackets,
    ulong TxErrors,
    ulong TxDropped);
