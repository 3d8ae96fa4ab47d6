using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Networking.Dns;

/// <summary>
/// The embedded DNS servers of berthd, one <see cref="EmbeddedDnsListener"/> per container on a user network,
/// keyed by container ID. Every listener answers from the same <see cref="DnsQueryAnswerer"/>, asking on behalf
/// of its container (that is the scoping), with that container's upstream resolvers.
/// </summary>
public sealed partial class EmbeddedDnsServers(DnsQueryAnswerer answerer, ILogger logger)
{
    private readonly ConcurrentDictionary<string, EmbeddedDnsListener> _listeners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public IReadOnlyCollection<string> Serving => _listeners.Keys.ToList();

    /// <summary>Starts serving in the namespace at <paramref name="netnsPath"/>; nothing to do when already serving the container.</summary>
    public async Task StartAsync(string containerId, string netnsPath, IReadOnlyList<IPEndPoint> upstreams, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_listeners.ContainsKey(containerId)) return;
            _listeners[containerId] = await EmbeddedDnsListener.StartAsync(netnsPath,
                (query, overTcp, ct) => answerer.AnswerAsync(containerId, upstreams, query, overTcp, ct)).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the container's sockets (before its namespace goes: they would keep it alive); idempotent.</summary>
    public async Task StopAsync(string containerId)
    {
        // Under the lock: a start still binding for this container finishes first, and its listener is stopped too.
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_listeners.TryRemove(containerId, out var listener)) return;
            await listener.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            LogStopFailed(logger, containerId, ex.Message);
        }
        finally
        {
            _lock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded DNS of container {Id} did not stop cleanly: {Error}")]
    private static partial void LogStopFailed(ILogger logger, string id, string error);
}
