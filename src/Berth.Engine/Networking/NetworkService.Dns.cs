using Berth.Engine.Containers;
using Berth.Engine.Networking.Dns;

namespace Berth.Engine.Networking;

/// <summary>The embedded DNS server (127.0.0.11 in each user-network container) hooked into set-up, connect, teardown and start-up.</summary>
public sealed partial class NetworkService
{
    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(2);
    private EmbeddedDnsServers? _dns;

    /// <summary>Names answer from the live network records, so members coming and going show without restarting anything.</summary>
    public EmbeddedDnsServers EmbeddedDns => LazyInitializer.EnsureInitialized(ref _dns,
        () => new EmbeddedDnsServers(new DnsQueryAnswerer(new DnsNameTable(() => _store.All), new DnsForwarder(UpstreamTimeout)), _logger));

    /// <summary>Start-up reconciliation: running containers on user networks get their server back (the old one died with berthd).</summary>
    public async Task RestoreEmbeddedDnsAsync(IEnumerable<ContainerRecord> running, CancellationToken cancellationToken)
    {
        foreach (var record in running.Where(r => EmbeddedResolvConf.Applies(r.Network) && File.Exists(r.Network!.SandboxKey)))
        {
            try
            {
                await EmbeddedDns.StartAsync(record.Id, record.Network!.SandboxKey, EmbeddedResolvConf.Upstreams(record), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Core.BerthException or System.Net.Sockets.SocketException)
            {
                LogTeardownFailed(_logger, record.Id, "embedded DNS not restored: " + ex.Message);
            }
        }
    }

    /// <summary>
    /// Gives a container on a (first) user network its server at 127.0.0.11; on <c>network connect</c> the running
    /// container's resolv.conf is rewritten to it (before runc starts, set-up writes the file itself).
    /// </summary>
    private async Task StartEmbeddedDnsAsync(ContainerRecord record, ContainerNetworkState state, bool rewriteResolvConf, CancellationToken cancellationToken)
    {
        if (!EmbeddedResolvConf.Applies(state) || EmbeddedDns.Serving.Contains(record.Id)) return;
        await EmbeddedDns.StartAsync(record.Id, state.SandboxKey, EmbeddedResolvConf.Upstreams(record), cancellationToken).ConfigureAwait(false);
        if (rewriteResolvConf) await ContainerHostsFiles.RewriteResolvConfInPlaceAsync(_paths.ResolvConfFile(record.Id), record, state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After <c>network disconnect</c> from its last user network a container is a default-bridge container, as
    /// in Docker: its resolv.conf names the host's resolvers (or <c>--dns</c>) again, then its server stops.
    /// </summary>
    private async Task StopEmbeddedDnsIfLastUserNetworkLeftAsync(ContainerRecord record, ContainerNetworkState state, CancellationToken cancellationToken)
    {
        if (EmbeddedResolvConf.Applies(state)) return;
        await ContainerHostsFiles.RewriteResolvConfInPlaceAsync(_paths.ResolvConfFile(record.Id), record, state, cancellationToken).ConfigureAwait(false);
        await EmbeddedDns.StopAsync(record.Id).ConfigureAwait(false);
    }
}
