namespace Berth.Core.Archive;

/// <summary>What <see cref="LayerWriter"/> wrote: entries and the bytes of regular-file content.</summary>
public sealed record LayerWriteResult(int Entries, long Size);
