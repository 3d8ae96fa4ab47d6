using System.Buffers;
using Berth.Core;
using Berth.Core.Content;
using Berth.Core.Oci;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Distribution;

/// <summary>
/// Downloads one blob into the content store, verified against its digest before it becomes visible. The
/// ingest is named by the digest (<see cref="IngestPrefix"/>), so after a dropped connection, or a daemon
/// restart, the next attempt finds the bytes already written and asks the registry only for the rest (HTTP
/// Range). A blob that does not match its digest is discarded, never stored.
/// </summary>
public sealed class BlobDownloader(IRegistryClient registry, IContentStore content, TimeProvider time, ILogger logger)
{
    /// <summary>Ingest references of downloads start with this; start-up keeps them for resuming.</summary>
    public const string IngestPrefix = "download-";

    public const int MaxAttempts = 5;

    /// <summary>Progress is reported after this many bytes and this much time (dockerd's progress reader).</summary>
    private const long ReportEveryBytes = 512 * 1024;
    private static readonly TimeSpan ReportEveryTime = TimeSpan.FromMilliseconds(100);

    public static string IngestReference(Digest digest) => IngestPrefix + digest;

    /// <param name="progress">Bytes of the blob held so far (also called once with the resumed offset).</param>
    /// <param name="verifying">Called when all bytes are in and the digest is being checked.</param>
    public async Task DownloadAsync(RegistryRepository repository, Descriptor descriptor, Action<long>? progress, Action? verifying, CancellationToken cancellationToken)
    {
        var digest = descriptor.ParsedDigest();
        if (await content.ExistsAsync(digest, cancellationToken).ConfigureAwait(false)) return;
        var reference = IngestReference(digest);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var writer = await OpenWriterAsync(reference, digest, cancellationToken).ConfigureAwait(false);
                if (writer is null) return; // another pull stored it meanwhile
                await using (writer.ConfigureAwait(false))
                {
                    await FillAsync(repository, descriptor, digest, writer, progress, cancellationToken).ConfigureAwait(false);
                    verifying?.Invoke();
                    try
                    {
                        await writer.CommitAsync(descriptor.Size, digest, cancellationToken).ConfigureAwait(false);
                    }
                    catch (BerthException e) when (e.Kind == ErrorKind.InvalidArgument)
                    {
                        throw BerthException.Invalid($"filesystem layer verification failed for digest {digest}");
                    }
                    return;
                }
            }
            catch (Exception e) when (IsTransient(e) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                DistributionLog.DownloadRetry(logger, digest.ToString(), attempt, e.Message);
                if (e is BlobRestartException) await content.AbortAsync(reference, cancellationToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens the ingest, waiting while another download of the same blob holds it; null when the blob appeared.</summary>
    private async Task<IContentWriter?> OpenWriterAsync(string reference, Digest digest, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await content.ExistsAsync(digest, cancellationToken).ConfigureAwait(false)) return null;
            try
            {
                return await content.OpenWriterAsync(reference, cancellationToken).ConfigureAwait(false);
            }
            catch (BerthException e) when (e.Kind == ErrorKind.Unavailable)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes the blob's remaining bytes (from the writer's offset) into the writer.</summary>
    private async Task FillAsync(RegistryRepository repository, Descriptor descriptor, Digest digest, IContentWriter writer, Action<long>? progress,
        CancellationToken cancellationToken)
    {
        if (writer.Offset > descriptor.Size && descriptor.Size > 0)
            throw BerthException.Invalid($"filesystem layer verification failed for digest {digest}: more bytes than its size {descriptor.Size}");
        if (writer.Offset == descriptor.Size && descriptor.Size > 0) return;
        if (writer.Offset > 0) DistributionLog.DownloadResumed(logger, digest.ToString(), writer.Offset);
        var blob = await registry.OpenBlobAsync(repository, digest, writer.Offset, cancellationToken).ConfigureAwait(false);
        await using (blob.ConfigureAwait(false))
        {
            if (blob.Offset != writer.Offset)
                throw new BlobRestartException($"the registry sent blob {digest} from {blob.Offset}, not from {writer.Offset}");
            progress?.Invoke(writer.Offset);
            await CopyAsync(blob.Content, writer, descriptor.Size, progress, cancellationToken).ConfigureAwait(false);
        }
        if (descriptor.Size > 0 && writer.Offset != descriptor.Size)
            throw new IOException($"blob {digest} ended after {writer.Offset} of {descriptor.Size} bytes");
    }

    /// <summary>
    /// Copies with two 1 MiB buffers: the next read runs while the previous chunk is written and hashed.
    /// </summary>
    private async Task CopyAsync(Stream source, IContentWriter writer, long size, Action<long>? progress, CancellationToken cancellationToken)
    {
        var current = ArrayPool<byte>.Shared.Rent(RegistryClient.BufferSize);
        var next = ArrayPool<byte>.Shared.Rent(RegistryClient.BufferSize);
        var lastBytes = writer.Offset;
        var lastTime = time.GetTimestamp();
        try
        {
            // Whole 1 MiB chunks: a socket read returns what arrived (often 16-64 KiB); writing and hashing per
            // megabyte keeps system calls few. The next chunk is read while this one is written.
            var read = FillAsync(source, current, cancellationToken);
            while (true)
            {
                var (n, failure) = await read.ConfigureAwait(false);
                if (n > 0 && failure is null) read = FillAsync(source, next, cancellationToken);
                if (n > 0)
                {
                    try
                    {
                        await writer.WriteAsync(current.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        if (failure is null)
                        {
                            try { await read.ConfigureAwait(false); } catch (Exception) { /* the write failure is the one to report */ }
                        }
                        throw;
                    }
                    (current, next) = (next, current);
                }
                // Bytes read before a dropped connection are kept (written above), so the resume starts after them.
                if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                if (n == 0) break;
                if (size > 0 && writer.Offset > size)
                    throw BerthException.Invalid($"blob is longer than its size {size}");
                if (progress is not null && writer.Offset - lastBytes >= ReportEveryBytes && time.GetElapsedTime(lastTime) >= ReportEveryTime)
                {
                    progress(writer.Offset);
                    lastBytes = writer.Offset;
                    lastTime = time.GetTimestamp();
                }
            }
            progress?.Invoke(writer.Offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; a failure after some bytes returns them with it.</summary>
    private static async ValueTask<(int Count, Exception? Failure)> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        try
        {
            while (total < RegistryClient.BufferSize)
            {
                var n = await source.ReadAsync(buffer.AsMemory(total, RegistryClient.BufferSize - total), cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                total += n;
            }
            return (total, null);
        }
        catch (Exception e) when (total > 0 && e is not OperationCanceledException)
        {
            return (total, e);
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        BlobRestartException => true,
        IOException or HttpRequestException => true,
        RegistryResponseException r => r.Status >= 500 || r.Kind == ErrorKind.Unavailable,
        BerthException b => b.Kind == ErrorKind.Unavailable,
        _ => false,
    };
}
