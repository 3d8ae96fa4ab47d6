using System.Buffers;
using System.Collections.Concurrent;

namespace Berth.Core.Buffers;

/// <summary>
/// Kestrel's connection buffers in 64 KiB blocks instead of its default 4 KiB ones (berth-registry and berthd
/// register it through an IMemoryPoolFactory). The socket transport receives into one pool block per call, so with
/// 4 KiB blocks a blob upload or an image load costs a receive syscall (and a pipe round trip) per few kilobytes —
/// most of the server's CPU time for a push or a load. Blocks are pinned (sockets pin
/// them anyway) and reused; at most <see cref="MaxPooledBlocks"/> are kept.
/// </summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;
    private const int MaxPooledBlocks = 512;
    private readonly ConcurrentQueue<byte[]> _free = new();
    private int _pooled;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        if (_free.TryDequeue(out var array)) Interlocked.Decrement(ref _pooled);
        else array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);
        return new Block(this, array);
    }

    private void Return(byte[] array)
    {
        if (Interlocked.Increment(ref _pooled) > MaxPooledBlocks)
        {
            Interlocked.Decrement(ref _pooled);
            return;
        }
        _free.Enqueue(array);
    }

    protected override void Dispose(bool disposing)
    {
        _free.Clear();
    }

    private sealed class Block(LargeBlockMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } a) pool.Return(a);
        }
    }
}
