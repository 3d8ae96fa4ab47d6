using System.Buffers;
using System.Net;

namespace Berth.Engine.Distribution;

/// <summary>
/// An upload body: <c>length</c> bytes of a blob from <c>offset</c>, read from a stream opened per send (so a
/// retried request sends the bytes again) with 1 MiB buffers, reporting the bytes of the blob sent so far.
/// </summary>
internal sealed class BlobChunkContent(Func<CancellationToken, Task<Stream>> open, long offset, long length, Action<long>? progress) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (length == 0) return;
        var source = await open(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            if (offset > 0) source.Seek(offset, SeekOrigin.Begin);
            var buffer = ArrayPool<byte>.Shared.Rent(RegistryClient.BufferSize);
            try
            {
                long sent = 0;
                while (sent < length)
                {
                    var n = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - sent)), cancellationToken).ConfigureAwait(false);
                    if (n == 0) throw new IOException($"blob ended after {offset + sent} bytes, expected {offset + length}");
                    await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    sent += n;
                    progress?.Invoke(offset + sent);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    protected override bool TryComputeLength(out long result)
    {
        result = length;
        return true;
    }
}
