using System.Buffers;
using Berth.Core.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Berth.Registry.Http;

/// <summary>Gives Kestrel <see cref="LargeBlockMemoryPool"/>s (registered in the registry app's services).</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
