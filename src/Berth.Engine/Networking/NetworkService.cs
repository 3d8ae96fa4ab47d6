using System.Security.Cryptography;
using Berth.Core;
using Berth.Engine.Containers;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Networking;

/// <summary>
/// Bridge networks (the predefined <c>bridge</c> on <see cref="NetworkOptions.BridgeName"/> and user networks),
/// their IPAM, and the per-container set-up and teardown. Partial by concern: .Containers.cs, .Ports.cs.
/// Writers serialise on one lock; every lease is on disk before its address is used.
/// </summary>
public sealed partial class NetworkService : IContainerNetworking
{
    public const string DefaultNetworkName = "bridge";
    private static readonly string[] PredefinedNames = [DefaultNetworkName, "host", "none"];
    private readonly NetworkStore _store;
    private readonly BridgeDriver _driver;
    private readonly NetworkOptions _options;
    private readonly ContainerPaths _paths;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Lock _persistGate = new();
    private Task _releasesPersisted = Task.CompletedTask;
    private readonly HashSet<string> _ensured = new(StringComparer.Ordinal);

    public NetworkService(NetworkStore store, BridgeDriver driver, NetworkOptions options, ContainerPaths paths, TimeProvider time, ILogger<NetworkService> logger)
    {
        _store = store;
        _driver = driver;
        _options = options;
        _paths = paths;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyCollection<NetworkRecord> All => _store.All;

    /// <summary>The predefined network, created (on disk) at first use and kept in step with <c>bip</c>.</summary>
    public async Task<NetworkRecord> DefaultNetworkAsync(CancellationToken cancellationToken)
    {
        var existing = _store.All.FirstOrDefault(n => n.IsDefault);
        var subnet = Ipv4Subnet.Parse(_options.BridgeIp);
        var gateway = _options.BridgeIp[.._options.BridgeIp.IndexOf('/')];
        if (existing is not null && existing.Subnet == subnet.ToString() && existing.Gateway == gateway && existing.Bridge == _options.BridgeName)
            return existing;
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = (existing ?? new NetworkRecord
            {
                Id = NewId(), Name = DefaultNetworkName, Bridge = _options.BridgeName, Subnet = "", Gateway = "",
                IsDefault = true, Created = _time.GetUtcNow(),
            }) with { Subnet = subnet.ToString(), Gateway = gateway, Bridge = _options.BridgeName };
            await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
            return record;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>By full ID, name, or unique ID prefix; Docker's "network X not found" otherwise.</summary>
    public NetworkRecord Get(string idOrName) => Find(idOrName) ?? throw BerthException.NotFound($"network {idOrName} not found");

    public NetworkRecord? Find(string idOrName)
    {
        var all = _store.All;
        if (all.FirstOrDefault(n => n.Id == idOrName) is { } byId) return byId;
        if (all.FirstOrDefault(n => n.Name == idOrName) is { } byName) return byName;
        var prefixed = all.Where(n => idOrName.Length > 0 && n.Id.StartsWith(idOrName, StringComparison.Ordinal)).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    /// <summary><c>docker network create</c>: a bridge network with its own subnet (given, or the next free one from the pools).</summary>
    public async Task<NetworkRecord> CreateAsync(string name, string? subnet, string? gateway, bool isInternal, IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name)) throw BerthException.Invalid("network name is required");
        if (PredefinedNames.Contains(name)) throw new BerthException(ErrorKind.Forbidden, $"operation is not permitted on predefined {name} network ");
        await DefaultNetworkAsync(cancellationToken).ConfigureAwait(false);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_store.All.Any(n => n.Name == name)) throw BerthException.Conflict($"network with name {name} already exists");
            var taken = _store.All.Select(n => Ipv4Subnet.Parse(n.Subnet)).ToList();
            Ipv4Subnet chosen;
            if (!string.IsNullOrEmpty(subnet))
            {
                chosen = Ipv4Subnet.Parse(subnet);
                if (taken.Any(t => t.Overlaps(chosen))) throw BerthException.Conflict("invalid pool request: Pool overlaps with other one on this address space");
            }
            else chosen = NextFreeSubnet(taken);
            var gatewayAddress = string.IsNullOrEmpty(gateway) ? chosen.Network + 1 : Ipv4Subnet.ParseAddress(gateway);
            if (!chosen.ContainsHost(gatewayAddress)) throw BerthException.Invalid($"gateway {gateway} is not in subnet {chosen}");
            var id = NewId();
            var record = new NetworkRecord
            {
                Id = id, Name = name, Bridge = "br-" + id[..12], Subnet = chosen.ToString(), Gateway = Ipv4Subnet.Format(gatewayAddress),
                Internal = isInternal, Labels = labels?.ToDictionary() ?? [], Created = _time.GetUtcNow(),
            };
            await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
            return record;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary><c>docker network rm</c>: 403 for the predefined network, 409 while containers are attached.</summary>
    public async Task RemoveAsync(string idOrName, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var network = Get(idOrName);
            if (network.IsDefault) throw new BerthException(ErrorKind.Forbidden, $"{network.Name} is a pre-defined network and cannot be removed");
            if (network.Leases.Count > 0)
                throw BerthException.Conflict($"error while removing network: network {network.Name} id {network.Id} has active endpoints");
            await _driver.RemoveNetworkAsync(network, cancellationToken).ConfigureAwait(false);
            _store.Delete(network.Id);
            _ensured.Remove(network.Id);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary><c>docker network prune</c>: every user network without endpoints.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync(Func<NetworkRecord, bool> filter, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var network in _store.All.Where(n => !n.IsDefault && n.Leases.Count == 0 && filter(n)).ToList())
        {
            try
            {
                await RemoveAsync(network.Id, cancellationToken).ConfigureAwait(false);
                removed.Add(network.Name);
            }
            catch (BerthException ex) when (ex.Kind == ErrorKind.Conflict)
            {
                // A container joined meanwhile: the network stays.
            }
        }
        return removed;
    }

    private Ipv4Subnet NextFreeSubnet(List<Ipv4Subnet> taken)
    {
        foreach (var pool in _options.AddressPools)
        {
            var baseNet = Ipv4Subnet.Parse(pool.Base);
            var size = 1u << (32 - pool.Size);
            for (var candidate = baseNet.Network; candidate >= baseNet.Network && candidate < baseNet.Network + baseNet.Size; candidate += size)
            {
                var subnet = new Ipv4Subnet(candidate, pool.Size);
                if (!taken.Any(t => t.Overlaps(subnet))) return subnet;
            }
        }
        throw BerthException.Invalid("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
