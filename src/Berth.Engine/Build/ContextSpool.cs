using System.Buffers;
using System.Security.Cryptography;

namespace Berth.Engine.Build;

/// <summary>
/// The bytes of a build context tar as they arrive: pooled 1 MiB chunks (no large-object allocations, reused
/// between builds) up to <see cref="MemoryLimit"/>, then a file in the given directory. Read back as a stream
/// (to unpack it) or by range (to hash one file's data).
/// </summary>
public sealed class ContextSpool(string directory) : IDisposable
{
    public const long MemoryLimit = 64 << 20;
    private const int ChunkSize = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private FileStream? _file;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_file is null && Length + bytes.Length > MemoryLimit) SpillToFile();
        if (_file is not null)
        {
            _file.Write(bytes);
            Length += bytes.Length;
            return;
        }
        while (bytes.Length > 0)
        {
            var within = (int)(Length % ChunkSize);
            if (within == 0 && Length / ChunkSize == _chunks.Count) _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            var n = Math.Min(bytes.Length, ChunkSize - within);
            bytes[..n].CopyTo(_chunks[(int)(Length / ChunkSize)].AsSpan(within));
            bytes = bytes[n..];
            Length += n;
        }
    }

    /// <summary>Adds the bytes [offset, offset + length) to <paramref name="hash"/>.</summary>
    public void Hash(IncrementalHash hash, long offset, long length)
    {
        if (_file is not null)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                for (long done = 0; done < length;)
                {
                    var n = RandomAccess.Read(_file.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - done)), offset + done);
                    if (n == 0) throw new EndOfStreamException("the context spool ended early");
                    hash.AppendData(buffer, 0, n);
                    done += n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return;
        }
        while (length > 0)
        {
            var within = (int)(offset % ChunkSize);
            var n = (int)Math.Min(length, ChunkSize - within);
            hash.AppendData(_chunks[(int)(offset / ChunkSize)].AsSpan(within, n));
            offset += n;
            length -= n;
        }
    }

    /// <summary>A stream over everything written so far, from the start.</summary>
    public Stream OpenRead()
    {
        if (_file is not null)
        {
            _file.Flush();
            return new FileStream(_file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        var stream = new MemoryStream(checked((int)Length));
        for (long done = 0; done < Length; done += ChunkSize)
            stream.Write(_chunks[(int)(done / ChunkSize)], 0, (int)Math.Min(ChunkSize, Length - done));
        stream.Position = 0;
        return stream;
    }

    private void SpillToFile()
    {
        _file = new FileStream(Path.Combine(directory, "context.tar"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        for (long done = 0; done < Length; done += ChunkSize)
            _file.Write(_chunks[(int)(done / ChunkSize)], 0, (int)Math.Min(ChunkSize, Length - done));
        ReturnChunks();
    }

    private void ReturnChunks()
    {
        foreach (var chunk in _chunks) ArrayPool<byte>.Shared.Return(chunk);
        _chunks.Clear();
    }

    public void Dispose()
    {
        ReturnChunks();
        _file?.Dispose();
    }
}
