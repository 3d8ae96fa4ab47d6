using System.Collections.Immutable;
using System.Text.Json;
using Berth.Core.Storage;

namespace Berth.Engine.Networking;

/// <summary>
/// Networks on disk, one crash-safe JSON file each under <c>&lt;data-root&gt;/network</c>. Reads come from an
/// immutable snapshot; the caller (<see cref="NetworkService"/>) serialises writers.
/// </summary>
public sealed class NetworkStore
{
    private readonly string _root;
    private volatile ImmutableDictionary<string, NetworkRecord> _networks;

    public NetworkStore(string dataRoot)
    {
        _root = Path.Combine(dataRoot, "network");
        Directory.CreateDirectory(_root);
        var networks = ImmutableDictionary.CreateBuilder<string, NetworkRecord>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_root, "*.json"))
            if (JsonSerializer.Deserialize(File.ReadAllBytes(file), NetworkJsonContext.Default.NetworkRecord) is { } record)
                networks[record.Id] = record;
        _networks = networks.ToImmutable();
    }

    public IReadOnlyCollection<NetworkRecord> All => _networks.Values.ToList();

    public NetworkRecord? FindById(string id) => _networks.GetValueOrDefault(id);

    public async Task SaveAsync(NetworkRecord record, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAllBytesAsync(Path.Combine(_root, record.Id + ".json"),
            JsonSerializer.SerializeToUtf8Bytes(record, NetworkJsonContext.Default.NetworkRecord), cancellationToken).ConfigureAwait(false);
        _networks = _networks.SetItem(record.Id, record);
    }

    /// <summary>
    /// Replaces the record in memory only: the next <see cref="SaveAsync"/> of this network (which always writes
    /// the whole latest record) makes it durable. For lease releases, see NetworkService.ReleaseLeasesAsync.
    /// </summary>
    public void Stage(NetworkRecord record) => _networks = _networks.SetItem(record.Id, record);

    public void Delete(string id)
    {
        File.Delete(Path.Combine(_root, id + ".json"));
        _networks = _networks.Remove(id);
    }
}
