using Berth.Core;
using Berth.Core.Archive;

namespace Berth.Engine.Archives;

/// <summary>A file of an archive, now a blob in the content store: its digest, size and compression (by magic bytes).</summary>
public sealed record ArchiveBlob(Digest Digest, long Size, Compression Compression);
