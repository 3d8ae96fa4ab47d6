using Berth.Api;

namespace Berth.Client;

/// <summary>The answer of <c>GET /containers/{id}/archive</c>: the tar stream and the stat of its path.</summary>
public sealed record ContainerArchiveContent(Stream Content, ContainerPathStat Stat) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
