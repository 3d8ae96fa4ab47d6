using Berth.Core;
using Berth.Core.Buffers;
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
    /// Copies in whole 1 MiB blocks (<see cref="PipelinedCopy"/>): a socket read returns what arrived (often
    /// 16-64 KiB); writing and hashing per megabyte keeps system calls few, and the next block is read while this
    /// one is written. Bytes read before a dropped connection are written too, so the resume starts after them.
    /// </summary>
    private async Task CopyAsync(Stream source, IContentWriter writer, long size, Action<long>? progress, CancellationToken cancellationToken)
    {
        var lastBytes = writer.Offset;
        var lastTime = time.GetTimestamp();
        var reading = new FailureEndingReadStream(source);
        await PipelinedCopy.CopyAsync(reading, async (block, token) =>
        {
            await writer.WriteAsync(block, token).ConfigureAwait(false);
            if (size > 0 && writer.Offset > size)
                throw BerthException.Invalid($"blob is longer than its size {size}");
            if (progress is not null && writer.Offset - lastBytes >= ReportEveryBytes && time.GetElapsedTime(lastTime) >= ReportEveryTime)
            {
                progress(writer.Offset);
                lastBytes = writer.Offset;
                lastTime = time.GetTimestamp();
            }
        }, -1, RegistryClient.BufferSize, cancellationToken).ConfigureAwait(false);
        if (reading.Failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(reading.Failure);
        progress?.Invoke(writer.Offset);
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
