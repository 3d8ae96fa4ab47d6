namespace Berth.Engine.Distribution;

/// <summary>
/// An open blob download. <see cref="Offset"/> is where <see cref="Content"/> starts in the blob: the
/// requested offset when the registry honoured the Range, 0 when it sent the whole blob.
/// </summary>
public sealed class RegistryBlob(HttpResponseMessage response, Stream content, long offset, long? length) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public long Offset { get; } = offset;

    /// <summary>Bytes in <see cref="Content"/>, when the registry said.</summary>
    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
    }
}
