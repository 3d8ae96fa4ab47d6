using System.Collections.Immutable;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Storage;

namespace Berth.Engine.Volumes;

/// <summary>
/// Volumes on disk: <c>&lt;dataRoot&gt;/volumes/&lt;name&gt;/_data</c> (the contents) beside
/// <c>volume.json</c> (the record, written crash-safe and last, so a directory without one is a crashed create
/// and is removed at start-up). Reads come from an immutable snapshot; writers serialise on one lock.
/// </summary>
public sealed class VolumeStore
{
    private const string RecordFile = "volume.json";
    private readonly string _root;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile ImmutableDictionary<string, VolumeRecord> _volumes;

    public VolumeStore(string dataRoot)
    {
        _root = Path.Combine(dataRoot, "volumes");
        Directory.CreateDirectory(_root);
        var volumes = ImmutableDictionary.CreateBuilder<string, VolumeRecord>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(_root))
        {
            var file = Path.Combine(dir, RecordFile);
            if (!File.Exists(file))
            {
                Directory.Delete(dir, recursive: true);
                continue;
            }
            if (JsonSerializer.Deserialize(File.ReadAllBytes(file), VolumeJsonContext.Default.VolumeRecord) is { } record)
                volumes[record.Name] = record;
        }
        _volumes = volumes.ToImmutable();
    }

    public IReadOnlyCollection<VolumeRecord> All => _volumes.Values.ToList();

    public VolumeRecord? Find(string name) => _volumes.GetValueOrDefault(name);

    /// <summary>The host directory a volume of this name has (or will have).</summary>
    public string DataPath(string name) => Path.Combine(_root, name, "_data");

    /// <summary>Creates the volume unless one of that name exists; returns the stored record either way.</summary>
    public async Task<VolumeRecord> GetOrCreateAsync(string name, Func<string, VolumeRecord> create, CancellationToken cancellationToken)
    {
        if (_volumes.GetValueOrDefault(name) is { } existing) return existing;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_volumes.GetValueOrDefault(name) is { } raced) return raced;
            var record = create(DataPath(name));
            Directory.CreateDirectory(record.Mountpoint);
            await AtomicFile.WriteAllBytesAsync(Path.Combine(_root, name, RecordFile),
                JsonSerializer.SerializeToUtf8Bytes(record, VolumeJsonContext.Default.VolumeRecord), cancellationToken).ConfigureAwait(false);
            _volumes = _volumes.SetItem(name, record);
            return record;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Removes the record first (the volume is gone even if deleting its data fails half-way), then the data.</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_volumes.ContainsKey(name)) throw BerthException.NotFound($"get {name}: no such volume");
            var dir = Path.Combine(_root, name);
            File.Delete(Path.Combine(dir, RecordFile));
            _volumes = _volumes.Remove(name);
            Directory.Delete(dir, recursive: true);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
