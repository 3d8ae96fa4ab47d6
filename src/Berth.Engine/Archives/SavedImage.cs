using Berth.Core;
using Berth.Core.Oci;
using Berth.Core.References;
using Berth.Engine.Images;

namespace Berth.Engine.Archives;

/// <summary>An image resolved for a save: its record, its manifest (bytes exactly as stored) and the tags to write.</summary>
public sealed record SavedImage(ImageRecord Record, Digest ManifestDigest, byte[] ManifestBytes, ImageManifest Manifest, IReadOnlyList<ImageReference> Tags);
