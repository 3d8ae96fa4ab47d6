using Berth.Registry.Http;

namespace Berth.Registry;

/// <summary>
/// The registry mapped into a host by <see cref="RegistryEndpointRouteBuilderExtensions.MapRegistryEndpoints"/>.
/// While mapped it removes abandoned uploads once at start and then every <see cref="RegistryOptions.UploadPurgeInterval"/>.
/// Dispose it when the host has stopped: it stops that and closes the files of uploads in progress (which resume on
/// the next start).
/// </summary>
public sealed class RegistryEndpoints : IAsyncDisposable
{
    private readonly RegistryHandler _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _purge;

    internal RegistryEndpoints(RegistryHandler handler, RegistryOptions options)
    {
        _handler = handler;
        _purge = options.UploadPurgeInterval > TimeSpan.Zero
            ? Task.Run(() => PurgeLoopAsync(options.UploadPurgeInterval, options.Time, _stopping.Token))
            : Task.CompletedTask;
    }

    private async Task PurgeLoopAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    await _handler.ExpireUploadsAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A file vanished under us (a concurrent request or gc): the next round retries.
                }
            } while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // disposed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _purge.ConfigureAwait(false);
        _stopping.Dispose();
        await _handler.CloseAsync().ConfigureAwait(false);
    }
}
