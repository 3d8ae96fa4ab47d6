using System.Globalization;
using Berth.Core;
using Berth.Engine.Containers;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Networking;

public sealed partial class NetworkService
{
    /// <summary>The netns file of a container: <c>&lt;exec-root&gt;/netns/&lt;id&gt;</c>.</summary>
    public string SandboxPath(string containerId) => Path.Combine(_paths.ExecRoot, "netns", containerId);

    public async Task<ContainerNetworkState?> SetUpAsync(ContainerRecord record, Func<string, ContainerRecord> lookup, CancellationToken cancellationToken)
    {
        var mode = NetworkMode(record);
        if (mode is "host" or "none" || record.Config.NetworkDisabled == true) return null;
        if (mode.StartsWith("container:", StringComparison.Ordinal))
        {
            var other = lookup(mode["container:".Length..]);
            if (!other.State.IsRunning) throw BerthException.Conflict($"cannot join network of a non running container: {other.Id}");
            return new ContainerNetworkState { SandboxKey = other.Network?.SandboxKey ?? $"/proc/{other.State.Pid}/ns/net", OwnsSandbox = false, NetworkContainerId = other.Id };
        }

        var primary = mode == DefaultNetworkName ? await DefaultNetworkAsync(cancellationToken).ConfigureAwait(false) : Get(mode);
        var state = new ContainerNetworkState { SandboxKey = SandboxPath(record.Id), OwnsSandbox = true };
        try
        {
            await _driver.CreateSandboxAsync(state.SandboxKey, cancellationToken).ConfigureAwait(false);
            var endpoint = await AttachAsync(record, primary, 0, state.SandboxKey, cancellationToken).ConfigureAwait(false);
            state = state with { Endpoints = [endpoint] };
            foreach (var name in (record.EndpointsConfig?.Keys.ToList() ?? []).Where(n => n != primary.Name && n != primary.Id && n is not ("default" or "host" or "none") && !(primary.IsDefault && n == DefaultNetworkName)).ToList())
            {
                var extra = await AttachAsync(record, Get(name), state.Endpoints.Count, state.SandboxKey, cancellationToken).ConfigureAwait(false);
                state = state with { Endpoints = [.. state.Endpoints, extra] };
            }
            var ports = await PublishAsync(record, endpoint, cancellationToken).ConfigureAwait(false);
            state = state with { Ports = ports };
            await ContainerHostsFiles.WriteAsync(record, state, _paths, cancellationToken).ConfigureAwait(false);
            await StartEmbeddedDnsAsync(record, state, rewriteResolvConf: false, cancellationToken).ConfigureAwait(false);
            return state;
        }
        catch
        {
            await TearDownAsync(record.Id, state, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task TearDownAsync(string containerId, ContainerNetworkState? state, CancellationToken cancellationToken)
    {
        try
        {
            await EmbeddedDns.StopAsync(containerId).ConfigureAwait(false);
            if (state is { Ports.Count: > 0 }) await _driver.UnpublishAsync(containerId, cancellationToken).ConfigureAwait(false);
            ReleasePorts(containerId);
            // The namespace goes first (its last reference once the container and the DNS sockets are gone): the
            // kernel then removes its veths by itself; the explicit deletion runs in the background because the
            // kernel spends 5–20 ms per veth in RCU grace periods (see docs/adr/bridge-networking.md).
            if (state is null || state.OwnsSandbox) BridgeDriver.RemoveSandbox(SandboxPath(containerId));
            foreach (var endpoint in state?.Endpoints ?? [])
                _driver.DetachInBackground(endpoint, (name, error) => LogVethDeletionFailed(_logger, containerId, name, error));
            await ReleaseLeasesAsync(containerId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BerthException or IOException or UnauthorizedAccessException)
        {
            LogTeardownFailed(_logger, containerId, ex.Message);
        }
    }

    /// <summary>
    /// Start-up reconciliation: leases, namespaces, host veths and rules of containers that are not running
    /// (berthd was killed, or a container died while it was away) are released.
    /// </summary>
    public async Task ReconcileAsync(IReadOnlySet<string> running, CancellationToken cancellationToken)
    {
        foreach (var network in _store.All)
            foreach (var owner in network.Leases.Values.Select(l => l.ContainerId).Distinct().Where(id => !running.Contains(id)).ToList())
                await ReleaseLeasesAsync(owner, cancellationToken).ConfigureAwait(false);
        var netnsDir = Path.Combine(_paths.ExecRoot, "netns");
        if (Directory.Exists(netnsDir))
            foreach (var file in Directory.EnumerateFiles(netnsDir).Where(f => !running.Contains(Path.GetFileName(f))))
                BridgeDriver.RemoveSandbox(file);
        // Only rules of this daemon's containers: another berthd on the host (tests run several) owns the rest.
        foreach (var owner in (await _driver.RuleOwnersAsync(cancellationToken).ConfigureAwait(false)).Where(o => !running.Contains(o) && Directory.Exists(_paths.RecordDir(o))))
            await _driver.UnpublishAsync(owner, cancellationToken).ConfigureAwait(false);
    }

    private static string NetworkMode(ContainerRecord record) =>
        record.HostConfig.NetworkMode is null or "" or "default" ? DefaultNetworkName : record.HostConfig.NetworkMode;

    private async Task<ContainerEndpoint> AttachAsync(ContainerRecord record, NetworkRecord network, int index, string sandbox, CancellationToken cancellationToken)
    {
        if (_ensured.Add(network.Id))
        {
            try
            {
                if (_options.EnableIpForward) await BridgeDriver.WriteSysctlAsync("/proc/sys/net/ipv4/ip_forward", "1").ConfigureAwait(false);
                await _driver.EnsureNetworkAsync(network, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _ensured.Remove(network.Id);
                throw;
            }
        }
        var requestedSettings = record.EndpointsConfig?.GetValueOrDefault(network.Name);
        var aliases = network.IsDefault ? [] : new List<string>([.. requestedSettings?.Aliases ?? [], record.ShortId]);
        var requested = requestedSettings?.IpamConfig?.IPv4Address;
        var (address, prefix) = await LeaseAsync(network, record, aliases, requested, cancellationToken).ConfigureAwait(false);
        var endpoint = new ContainerEndpoint
        {
            NetworkId = network.Id, NetworkName = network.Name, EndpointId = NewId(),
            IpAddress = Ipv4Subnet.Format(address), PrefixLength = prefix, Gateway = network.Gateway,
            MacAddress = MacFor(address), Interface = "eth" + index.ToString(CultureInfo.InvariantCulture),
            HostVeth = $"vb{record.Id[..10]}{index}", Aliases = aliases,
        };
        await _driver.AttachAsync(sandbox, network, endpoint, defaultRoute: index == 0, cancellationToken).ConfigureAwait(false);
        return endpoint;
    }

    /// <summary>Docker's MAC scheme: 02:42 followed by the IPv4 address.</summary>
    private static string MacFor(uint address) =>
        $"02:42:{address >> 24:x2}:{(address >> 16) & 0xff:x2}:{(address >> 8) & 0xff:x2}:{address & 0xff:x2}";

    /// <summary>Allocates (or takes the requested <c>--ip</c>) and persists the lease before returning it.</summary>
    private async Task<(uint Address, int Prefix)> LeaseAsync(NetworkRecord network, ContainerRecord record, List<string> aliases, string? requested, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _store.FindById(network.Id) ?? throw BerthException.NotFound($"network {network.Name} not found");
            var subnet = Ipv4Subnet.Parse(current.Subnet);
            var gateway = Ipv4Subnet.ParseAddress(current.Gateway);
            uint chosen;
            if (!string.IsNullOrEmpty(requested))
            {
                chosen = Ipv4Subnet.ParseAddress(requested);
                if (!subnet.ContainsHost(chosen) || chosen == gateway) throw BerthException.Invalid($"invalid address {requested}: it is not in the network's subnet {subnet} or is its gateway");
                if (current.Leases.ContainsKey(requested)) throw BerthException.Conflict($"Address already in use: {requested}");
            }
            else
            {
                var start = current.LastAllocated is { } last ? Ipv4Subnet.ParseAddress(last) : gateway;
                chosen = 0;
                for (uint step = 1; step <= subnet.Size; step++)
                {
                    var candidate = subnet.Network + (uint)((start - subnet.Network + step) % subnet.Size);
                    if (subnet.ContainsHost(candidate) && candidate != gateway && !current.Leases.ContainsKey(Ipv4Subnet.Format(candidate)))
                    {
                        chosen = candidate;
                        break;
                    }
                }
                if (chosen == 0) throw BerthException.Conflict($"no available IPv4 addresses on network {current.Name}");
            }
            var address = Ipv4Subnet.Format(chosen);
            var leases = new Dictionary<string, IpLease>(current.Leases) { [address] = new IpLease(record.Id, record.Name, aliases) };
            await _store.SaveAsync(current with { Leases = leases, LastAllocated = requested is null ? address : current.LastAllocated }, cancellationToken).ConfigureAwait(false);
            return (chosen, subnet.PrefixLength);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Drops the container's leases everywhere; the release is visible at once
    /// (in memory) and written in the background, off the container's exit and removal: a release lost to a
    /// crash is harmless, because start-up reconciliation drops every lease of a container that is not running,
    /// and every later lease write stores the whole latest record (this release included).
    /// </summary>
    private async Task<List<NetworkRecord>> ReleaseLeasesAsync(string containerId, CancellationToken cancellationToken)
    {
        var left = new List<NetworkRecord>();
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var network in _store.All.Where(n => n.Leases.Values.Any(l => l.ContainerId == containerId)).ToList())
            {
                var leases = network.Leases.Where(l => l.Value.ContainerId != containerId).ToDictionary();
                var updated = network with { Leases = leases };
                _store.Stage(updated);
                left.Add(updated);
            }
        }
        finally
        {
            _lock.Release();
        }
        if (left.Count > 0)
            lock (_persistGate)
            {
                var previous = _releasesPersisted;
                var ids = left.Select(n => n.Id).ToList();
                _releasesPersisted = Task.Run(async () =>
                {
                    await previous.ConfigureAwait(false);
                    await PersistLatestAsync(ids).ConfigureAwait(false);
                }, CancellationToken.None);
            }
        return left;
    }

    /// <summary>Completes when every lease release staged so far is on disk (tests, shutdown).</summary>
    public Task ReleasesPersistedAsync()
    {
        lock (_persistGate) return _releasesPersisted;
    }

    private async Task PersistLatestAsync(List<string> networkIds)
    {
        await _lock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            foreach (var id in networkIds)
                if (_store.FindById(id) is { } latest) // removed meanwhile: nothing to write
                    await _store.SaveAsync(latest, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogReleaseWriteFailed(_logger, string.Join(',', networkIds), ex.Message);
        }
        finally
        {
            _lock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting veth {Veth} of container {Id} failed: {Error}")]
    private static partial void LogVethDeletionFailed(ILogger logger, string id, string veth, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing released leases of network(s) {Ids} failed (start-up reconciliation drops them): {Error}")]
    private static partial void LogReleaseWriteFailed(ILogger logger, string ids, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network teardown of container {Id} incomplete: {Error}")]
    private static partial void LogTeardownFailed(ILogger logger, string id, string error);
}
