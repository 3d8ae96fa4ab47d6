using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>A manifest or index as the registry sent it: the exact bytes, their media type and digest.</summary>
public sealed record RegistryManifest(byte[] Bytes, string MediaType, Digest Digest);
