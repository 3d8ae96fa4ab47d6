namespace Berth.Registry;

/// <summary>Ties the mapped registry to its app's service provider, which disposes it when the app is disposed.</summary>
internal sealed class RegistryLifetime : IAsyncDisposable
{
    public RegistryEndpoints? Endpoints { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Endpoints is not null) await Endpoints.DisposeAsync().ConfigureAwait(false);
    }
}
