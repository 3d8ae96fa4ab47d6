namespace Berth.Engine.Distribution;

/// <summary>The registry ignored a Range request: the partial ingest must be dropped and the blob fetched whole.</summary>
internal sealed class BlobRestartException(string message) : IOException(message);
