using System.Buffers;
using Berth.Core.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Berth.Daemon.Hosting;

/// <summary>Gives Kestrel <see cref="LargeBlockMemoryPool"/>s: request bodies (loads, imports) arrive in 64 KiB receives.</summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
