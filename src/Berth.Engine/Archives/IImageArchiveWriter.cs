namespace Berth.Engine.Archives;

/// <summary>A save whose images are resolved: writes the tar, streaming blobs from the content store.</summary>
public interface IImageArchiveWriter
{
    Task WriteAsync(Stream output, CancellationToken cancellationToken);
}
