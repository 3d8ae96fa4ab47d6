using Berth.Core;

namespace Berth.Registry.Storage;

/// <summary>A manifest of a repository: its digest, the media type it was pushed with and its size.</summary>
public sealed record StoredManifest(Digest Digest, string MediaType, long Size);
