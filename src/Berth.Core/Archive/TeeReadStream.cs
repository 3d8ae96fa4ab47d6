namespace Berth.Core.Archive;

/// <summary>
/// A read-only stream over a local file that writes every byte read from <paramref name="source"/> to
/// <paramref name="copy"/> as well (when there is one). It reports the source's seekability and length (a tar
/// writer needs the length up front) but never seeks. Both sides are local files, so <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>
/// reads and writes synchronously: an asynchronous file operation is a thread-pool hop each, and a tar writer
/// copies in 128 KiB pieces (hundreds of hops for a 50 MB file, each waiting for a thread on a busy machine).
/// </summary>
public sealed class TeeReadStream(Stream source, Stream? copy) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => source.CanSeek;
    public override bool CanWrite => false;
    public override long Length => source.Length;
    public override long Position { get => source.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = source.Read(buffer);
        copy?.Write(buffer[..n]);
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) =>
        origin == SeekOrigin.Current && offset == 0 ? source.Position : throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
