using Berth.Core;

namespace Berth.Registry.Tests;

/// <summary>An image a test pushed: its manifest's digest and bytes, and its blobs.</summary>
public sealed record TestImage(Digest Digest, byte[] Manifest, Digest Config, Digest Layer);
