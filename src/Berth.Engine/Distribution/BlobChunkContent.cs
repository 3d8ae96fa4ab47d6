using System.Net;
using Berth.Core.Buffers;

namespace Berth.Engine.Distribution;

/// <summary>
/// An upload body: <c>length</c> bytes of a blob from <c>offset</c>, read from a stream opened per send (so a
/// retried request sends the bytes again) with two 1 MiB buffers (read-ahead), reporting the bytes of the blob sent so far.
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
            // The next block is read from the file while this one goes into the socket.
            long sent = 0;
            var copied = await PipelinedCopy.CopyAsync(source, async (block, token) =>
            {
                await stream.WriteAsync(block, token).ConfigureAwait(false);
                sent += block.Length;
                progress?.Invoke(offset + sent);
            }, length, RegistryClient.BufferSize, cancellationToken).ConfigureAwait(false);
            if (copied != length) throw new IOException($"blob ended after {offset + copied} bytes, expected {offset + length}");
        }
    }

    protected override bool TryComputeLength(out long result)
    {
        result = length;
        return true;
    }
}
