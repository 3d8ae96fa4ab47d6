using Microsoft.Extensions.Logging;

namespace Berth.Engine.Images;

/// <summary>Source-generated log messages of the image service (ARCHITECTURE.md §5.11).</summary>
internal static partial class ImageServiceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {ImageCount} images and {ReferenceCount} references")]
    public static partial void Loaded(ILogger logger, int imageCount, int referenceCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {ImageId} has no readable config blob; ignoring it")]
    public static partial void MissingConfig(ILogger logger, string imageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} stale ingests at start-up")]
    public static partial void StaleIngests(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported image {ImageId} (layer {ChainId}, {Size} bytes)")]
    public static partial void Imported(ILogger logger, string imageId, string chainId, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Layer {ChainId}: skipped {Count} entries a layer may not create (devices, fifos): {Names}")]
    public static partial void SkippedEntries(ILogger logger, string chainId, int count, string names);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed unused layer snapshot {ChainId}")]
    public static partial void LayerRemoved(ILogger logger, string chainId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered image {ImageId} from manifest {ManifestDigest} ({Layers} layers)")]
    public static partial void Registered(ILogger logger, string imageId, string manifestDigest, int layers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unpacked layer snapshot {ChainId} from its blob")]
    public static partial void LayerUnpacked(ILogger logger, string chainId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unpacking layer snapshot {ChainId} failed")]
    public static partial void LayerUnpackFailed(ILogger logger, string chainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Layer snapshot {ChainId} of image {ImageId} is missing; unpacking it again from its blob")]
    public static partial void LayerMissing(ILogger logger, string chainId, string imageId);
}
