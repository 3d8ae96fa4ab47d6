namespace Berth.Engine.Distribution;

/// <summary>
/// A read-only view of a stream on which a read failure (other than cancellation) looks like the end of the
/// stream; the failure is kept in <see cref="Failure"/>. A copy then hands on every byte that did arrive before
/// the failure is reported, so a resumed download starts right after them.
/// </summary>
internal sealed class FailureEndingReadStream(Stream inner) : Stream
{
    public Exception? Failure { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Failure is not null) return 0;
        try { return inner.Read(buffer); }
        catch (Exception e) when (e is not OperationCanceledException) { Failure = e; return 0; }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Failure is not null) return 0;
        try { return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is not OperationCanceledException) { Failure = e; return 0; }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
