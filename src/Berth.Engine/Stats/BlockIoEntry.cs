namespace Berth.Engine.Stats;

/// <summary>One block I/O counter of one device: <c>8:0 Read 4096</c> (v1) or <c>8:0 read</c> from io.stat's rbytes (v2).</summary>
public sealed record BlockIoEntry(ulong Major, ulong Minor, string Op, ulong Value);
