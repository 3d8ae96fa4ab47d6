using System.Buffers;

namespace Berth.Core.Buffers;

/// <summary>
/// Copies a stream to a consumer in large blocks with two buffers: the next block is read while the previous
/// one is consumed (written, hashed, sent), so the source and the sink work at the same time instead of in turn.
/// </summary>
public static class PipelinedCopy
{
    public const int DefaultBlockSize = 1 << 20;

    /// <summary>
    /// Reads <paramref name="source"/> to its end (or <paramref name="limit"/> bytes when it is not negative) and
    /// hands each filled block to <paramref name="consume"/> in order; returns the bytes copied. Blocks are full
    /// except the last, so the consumer makes few, large writes.
    /// </summary>
    public static async Task<long> CopyAsync(Stream source, Func<ReadOnlyMemory<byte>, CancellationToken, Task> consume, long limit,
        int blockSize, CancellationToken cancellationToken)
    {
        var current = ArrayPool<byte>.Shared.Rent(blockSize);
        var next = ArrayPool<byte>.Shared.Rent(blockSize);
        long total = 0;
        var read = FillAsync(source, current, Want(limit, total, blockSize), cancellationToken);
        var reading = true;
        try
        {
            while (true)
            {
                var n = await read.ConfigureAwait(false);
                reading = false;
                if (n == 0) break;
                total += n;
                var more = n == Want(limit, total - n, blockSize) && (limit < 0 || total < limit);
                if (more)
                {
                    read = FillAsync(source, next, Want(limit, total, blockSize), cancellationToken);
                    reading = true;
                }
                await consume(current.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                if (!more) break;
                (current, next) = (next, current);
            }
            return total;
        }
        finally
        {
            // A read still running (the consumer failed) must end before its buffer goes back to the pool.
            if (reading)
            {
                try { await read.ConfigureAwait(false); } catch (Exception) { /* the consumer's failure is the one reported */ }
            }
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private static int Want(long limit, long done, int blockSize) => limit < 0 ? blockSize : (int)Math.Min(blockSize, limit - done);

    private static async Task<int> FillAsync(Stream source, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        int n;
        while (filled < count && (n = await source.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken).ConfigureAwait(false)) > 0)
            filled += n;
        return filled;
    }
}
