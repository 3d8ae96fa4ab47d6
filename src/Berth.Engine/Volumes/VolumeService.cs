using Berth.Core;
using Berth.Core.Filters;
using Berth.Engine.Events;

namespace Berth.Engine.Volumes;

/// <summary>
/// The volume workflows of the <c>local</c> driver: create (idempotent by name), inspect, list, remove (refused
/// while a container uses the volume) and prune. Errors carry dockerd's texts (<c>get x: no such volume</c>).
/// </summary>
public sealed class VolumeService(VolumeStore store, IVolumeUsage usage, TimeProvider time, IEventPublisher? events = null)
{
    public const string LocalDriver = "local";
    private readonly IEventPublisher _events = events ?? NullEventPublisher.Instance;

    /// <summary>
    /// <c>docker volume create</c>: a named volume (or an anonymous one when <paramref name="name"/> is empty).
    /// Creating a name that exists returns it unchanged, as dockerd does.
    /// </summary>
    public async Task<VolumeRecord> CreateAsync(string? name, IReadOnlyDictionary<string, string>? labels, string? driver,
        IReadOnlyDictionary<string, string>? options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(driver) && driver != LocalDriver)
            throw BerthException.NotFound($"error looking up volume plugin {driver}: plugin \"{driver}\" not found");
        if (options is { Count: > 0 })
            throw BerthException.Invalid($"invalid option for the local driver: {options.Keys.First()} (berth's local volumes take no options)");
        var anonymous = string.IsNullOrEmpty(name);
        var volumeName = anonymous ? VolumeNames.NewAnonymous() : VolumeNames.Validate(name!);
        var created = false;
        var record = await store.GetOrCreateAsync(volumeName, path =>
        {
            created = true;
            return new VolumeRecord(volumeName, LocalDriver, path, time.GetUtcNow(),
                labels ?? new Dictionary<string, string>(), new Dictionary<string, string>(), anonymous);
        }, cancellationToken).ConfigureAwait(false);
        if (created) Publish(record.Name, "create");
        return record;
    }

    public VolumeRecord Get(string name) => store.Find(name) ?? throw BerthException.NotFound($"get {name}: no such volume");

    public VolumeRecord? Find(string name) => store.Find(name);

    /// <summary>The volumes matching every filter (<c>name</c> substring, <c>label</c>, <c>driver</c>, <c>dangling</c>), by name.</summary>
    public IReadOnlyList<VolumeRecord> List(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var key in filters.Keys)
            if (key is not ("name" or "label" or "driver" or "dangling"))
                throw BerthException.Invalid($"invalid filter '{key}'");
        bool? dangling = null;
        if (filters.TryGetValue("dangling", out var d) && d.Count > 0)
            dangling = d[0] switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                var other => throw BerthException.Invalid($"invalid filter 'dangling={other}'"),
            };
        return store.All
            .Where(v => !filters.TryGetValue("name", out var names) || names.Any(n => v.Name.Contains(n, StringComparison.Ordinal)))
            .Where(v => !filters.TryGetValue("driver", out var drivers) || drivers.Contains(v.Driver))
            .Where(v => !filters.TryGetValue("label", out var labels) || labels.All(l => LabelFilter.Matches(v.Labels, l)))
            .Where(v => dangling is null || (usage.ContainersUsing(v.Name).Count == 0) == dangling)
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><c>docker volume rm</c>: Conflict while in use; a missing volume is NotFound unless <paramref name="force"/>.</summary>
    public async Task RemoveAsync(string name, bool force, CancellationToken cancellationToken)
    {
        if (store.Find(name) is null)
        {
            if (force) return;
            throw BerthException.NotFound($"get {name}: no such volume");
        }
        if (usage.ContainersUsing(name) is [_, ..] users)
            throw BerthException.Conflict($"remove {name}: volume is in use - [{string.Join(", ", users)}]");
        await store.RemoveAsync(name, cancellationToken).ConfigureAwait(false);
        Publish(name, "destroy");
    }

    /// <summary>
    /// <c>docker volume prune</c>: unused anonymous volumes, or every unused volume with <paramref name="all"/>
    /// (API ≥ 1.42 semantics); label filters narrow it. Returns the removed names and the bytes they held.
    /// </summary>
    public async Task<(IReadOnlyList<string> Removed, long SpaceReclaimed)> PruneAsync(bool all, IReadOnlyList<string> labelFilters, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        long space = 0;
        foreach (var volume in store.All.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            if (!all && !volume.Anonymous) continue;
            if (!labelFilters.All(f => LabelFilter.Matches(volume.Labels, f))) continue;
            if (usage.ContainersUsing(volume.Name).Count > 0) continue;
            var size = DirectorySize(volume.Mountpoint);
            await store.RemoveAsync(volume.Name, cancellationToken).ConfigureAwait(false);
            Publish(volume.Name, "destroy");
            removed.Add(volume.Name);
            space += size;
        }
        return (removed, space);
    }

    /// <summary>Bytes of regular files under <paramref name="path"/> (for prune and <c>system df</c>).</summary>
    public static long DirectorySize(string path)
    {
        if (!Directory.Exists(path)) return 0;
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", options)) total += file.Length;
        return total;
    }

    private void Publish(string name, string action) =>
        _events.Publish(EventTypes.Volume, action, name, new Dictionary<string, string> { ["driver"] = LocalDriver });
}
