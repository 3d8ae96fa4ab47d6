using Berth.Core;
using Berth.Engine.Images;

namespace Berth.Engine.Distribution;

/// <summary>What a pull made: the image, the digest the reference resolved to, and whether the tag already named it.</summary>
public sealed record PullResult(ImageRecord Image, Digest Digest, bool UpToDate);
