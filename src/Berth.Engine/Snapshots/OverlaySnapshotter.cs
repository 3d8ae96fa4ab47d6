using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Berth.Core;
using Berth.Core.Mounts;
using Berth.Core.Storage;

namespace Berth.Engine.Snapshots;

/// <summary>
/// Snapshots as overlayfs layers: <c>&lt;dataRoot&gt;/snapshots/overlay/&lt;n&gt;/{fs,work}</c>; metadata in one
/// <c>metadata.json</c> written with <see cref="AtomicFile"/>. Directories are created before and removed after the
/// metadata that names them, so a crash leaves at worst an unnamed directory, which start-up removes.
/// Reads use an immutable snapshot of the metadata; writers are serialised.
/// </summary>
public sealed partial class OverlaySnapshotter : ISnapshotter
{
    private readonly string _metadataPath;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile SnapshotMetadata _state;

    private OverlaySnapshotter(string root, TimeProvider time, SnapshotMetadata state)
    {
        Root = root;
        _metadataPath = Path.Combine(root, "metadata.json");
        _time = time;
        _state = state;
    }

    /// <summary>The directory holding the numbered snapshot directories.</summary>
    public string Root { get; }

    /// <summary>
    /// Loads metadata (start-up, synchronous) and removes what a crash left behind: unnamed directories, temp
    /// files, and childless snapshots the owner marks stale with <paramref name="discard"/> (half-done extractions).
    /// </summary>
    public static OverlaySnapshotter Open(string dataRoot, TimeProvider time, Func<SnapshotInfo, bool>? discard = null)
    {
        var root = Path.Combine(dataRoot, "snapshots", "overlay");
        Directory.CreateDirectory(root);
        var metadataPath = Path.Combine(root, "metadata.json");
        var state = new SnapshotMetadata(1, 1, ImmutableDictionary<string, SnapshotRecord>.Empty);
        if (File.Exists(metadataPath))
        {
            var bytes = File.ReadAllBytes(metadataPath);
            var loaded = JsonSerializer.Deserialize(bytes, SnapshotJsonContext.Default.SnapshotMetadata)
                         ?? throw new BerthException($"snapshot metadata {metadataPath} is empty");
            state = loaded with { Snapshots = loaded.Snapshots.ToImmutableDictionary(StringComparer.Ordinal) };
        }
        if (discard is not null)
        {
            var stale = state.Snapshots
                .Where(kv => discard(ToInfo(kv.Key, kv.Value)) && !state.Snapshots.Values.Any(c => c.Parent == kv.Key))
                .Select(kv => kv.Key).ToList();
            if (stale.Count > 0)
            {
                state = state with { Snapshots = ((ImmutableDictionary<string, SnapshotRecord>)state.Snapshots).RemoveRange(stale) };
                AtomicFile.WriteAllBytes(metadataPath, JsonSerializer.SerializeToUtf8Bytes(state, SnapshotJsonContext.Default.SnapshotMetadata));
            }
        }
        var known = state.Snapshots.Values.Select(s => s.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root))
        {
            var name = Path.GetFileName(entry);
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _) && !known.Contains(name))
                Directory.Delete(entry, recursive: true);
            else if (name.StartsWith(".metadata.json.", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal))
                File.Delete(entry);
        }
        return new OverlaySnapshotter(root, time, state);
    }

    public SnapshotInfo Stat(string key) => ToInfo(key, Get(_state, key));

    public IReadOnlyList<SnapshotInfo> List() => _state.Snapshots.Select(kv => ToInfo(kv.Key, kv.Value)).ToList();

    public Task<IReadOnlyList<Mount>> PrepareAsync(string key, string? parent, CancellationToken cancellationToken) =>
        CreateAsync(SnapshotKind.Active, key, parent, cancellationToken);

    public Task<IReadOnlyList<Mount>> ViewAsync(string key, string? parent, CancellationToken cancellationToken) =>
        CreateAsync(SnapshotKind.View, key, parent, cancellationToken);

    public IReadOnlyList<Mount> Mounts(string key)
    {
        var state = _state;
        var record = Get(state, key);
        if (record.Kind == SnapshotKind.Committed)
            throw BerthException.Invalid($"snapshot {key} is committed: mount a view of it instead");
        return MountsFor(state, record);
    }

    public SnapshotUsage Usage(string key)
    {
        var record = Get(_state, key);
        return record.Kind == SnapshotKind.Committed
            ? new SnapshotUsage(record.Size, record.Inodes)
            : DirectoryUsage.Measure(FsPath(record.Id));
    }

    public Task CommitAsync(string name, string key, CancellationToken cancellationToken) =>
        CommitAsync(name, key, reparent: false, null, cancellationToken);

    /// <summary>
    /// Commits a parent-less active snapshot as a layer on <paramref name="parent"/>: layers extracted side by side
    /// (each into its own directory, in overlay's upper-directory format) are stacked afterwards, in chain order.
    /// </summary>
    public Task CommitOnAsync(string name, string key, string? parent, CancellationToken cancellationToken) =>
        CommitAsync(name, key, reparent: true, parent, cancellationToken);

    private async Task CommitAsync(string name, string key, bool reparent, string? parent, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = _state;
            var record = Get(state, key);
            if (record.Kind != SnapshotKind.Active)
                throw BerthException.Invalid($"snapshot {key} is not active: only active snapshots can be committed");
            if (state.Snapshots.ContainsKey(name)) throw BerthException.Conflict($"snapshot {name} already exists");
            if (reparent)
            {
                if (record.Parent is not null && record.Parent != parent)
                    throw BerthException.Invalid($"snapshot {key} already has parent {record.Parent}");
                if (parent is not null && Get(state, parent).Kind != SnapshotKind.Committed)
                    throw BerthException.Invalid($"parent snapshot {parent} is not committed");
                record = record with { Parent = parent };
            }
            var usage = DirectoryUsage.Measure(FsPath(record.Id));
            var committed = record with { Kind = SnapshotKind.Committed, Updated = _time.GetUtcNow(), Size = usage.Size, Inodes = usage.Inodes };
            var snapshots = ((ImmutableDictionary<string, SnapshotRecord>)state.Snapshots).Remove(key).Add(name, committed);
            await SaveAsync(state with { Snapshots = snapshots }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = _state;
            var record = Get(state, key);
            if (state.Snapshots.Any(kv => kv.Value.Parent == key))
                throw BerthException.Conflict($"cannot remove snapshot {key}: it has child snapshots");
            await SaveAsync(state with { Snapshots = ((ImmutableDictionary<string, SnapshotRecord>)state.Snapshots).Remove(key) }, cancellationToken).ConfigureAwait(false);
            DeleteSnapshotDirectory(record.Id);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<IReadOnlyList<Mount>> CreateAsync(SnapshotKind kind, string key, string? parent, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key)) throw BerthException.Invalid("snapshot key must not be empty");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = _state;
            if (state.Snapshots.ContainsKey(key)) throw BerthException.Conflict($"snapshot {key} already exists");
            if (parent is not null)
            {
                var parentRecord = Get(state, parent);
                if (parentRecord.Kind != SnapshotKind.Committed)
                    throw BerthException.Invalid($"parent snapshot {parent} is not committed");
            }
            var id = state.NextId;
            var dir = Path.Combine(Root, id.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(Path.Combine(dir, "fs"));
            if (kind == SnapshotKind.Active) Directory.CreateDirectory(Path.Combine(dir, "work"));
            var now = _time.GetUtcNow();
            var record = new SnapshotRecord(id, kind, parent, now, now, null, 0, 0);
            var next = state with
            {
                NextId = id + 1,
                Snapshots = ((ImmutableDictionary<string, SnapshotRecord>)state.Snapshots).Add(key, record),
            };
            try
            {
                await SaveAsync(next, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                DeleteSnapshotDirectory(id);
                throw;
            }
            return MountsFor(next, record);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task SaveAsync(SnapshotMetadata next, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(next, SnapshotJsonContext.Default.SnapshotMetadata);
        await AtomicFile.WriteAllBytesAsync(_metadataPath, bytes, cancellationToken).ConfigureAwait(false);
        _state = next;
    }

    private static SnapshotRecord Get(SnapshotMetadata state, string key) =>
        state.Snapshots.TryGetValue(key, out var record) ? record : throw BerthException.NotFound($"snapshot {key} does not exist");

    private static SnapshotInfo ToInfo(string key, SnapshotRecord r) =>
        new(r.Kind, key, r.Parent, r.Labels ?? ImmutableDictionary<string, string>.Empty, r.Created, r.Updated);

    private void DeleteSnapshotDirectory(long id)
    {
        try { Directory.Delete(Path.Combine(Root, id.ToString(CultureInfo.InvariantCulture)), recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
