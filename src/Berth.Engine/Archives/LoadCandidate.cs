using Berth.Core;
using Berth.Core.References;

namespace Berth.Engine.Archives;

/// <summary>An image found in an archive: its manifest (now in the content store) and the names to give it.</summary>
public sealed record LoadCandidate(Digest ManifestDigest, Digest ConfigDigest, List<ImageReference> References);
