using Berth.Registry.Http;

namespace Berth.Registry;

/// <summary>
/// The registry mapped into a host by <see cref="RegistryEndpointRouteBuilderExtensions.MapRegistryEndpoints"/>.
/// Dispose it when the host has stopped: it closes the files of uploads in progress (which resume on the next start).
/// </summary>
public sealed class RegistryEndpoints : IAsyncDisposable
{
    private readonly RegistryHandler _handler;

    internal RegistryEndpoints(RegistryHandler handler) => _handler = handler;

    public async ValueTask DisposeAsync() => await _handler.CloseAsync().ConfigureAwait(false);
}
