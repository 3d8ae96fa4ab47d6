using Berth.Core.Filters;
using System.Text.RegularExpressions;
using Berth.Core;
using Berth.Engine.Health;
using Berth.Engine.Images;

namespace Berth.Engine.Containers;

/// <summary>
/// <c>docker ps</c> selection: running only unless <c>all</c>, and the filters dockerd supports (id, name,
/// label, status, ancestor, exited, before, since). An unknown filter is rejected with dockerd's text.
/// Values of one filter are OR-ed; different filters are AND-ed.
/// </summary>
public sealed class ContainerQuery
{
    private static readonly HashSet<string> KnownStatuses = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];
    private static readonly HashSet<string> KnownFilters = ["id", "name", "label", "status", "ancestor", "exited", "before", "since", "health"];
    private static readonly HashSet<string> KnownHealth = ["starting", "healthy", "unhealthy", "none"];

    private readonly Dictionary<string, List<string>> _filters;
    private readonly bool _all;
    private readonly IImageService _images;

    public ContainerQuery(Dictionary<string, List<string>> filters, bool all, IImageService images)
    {
        foreach (var key in filters.Keys)
            if (!KnownFilters.Contains(key)) throw BerthException.Invalid($"invalid filter '{key}'");
        foreach (var status in filters.GetValueOrDefault("status") ?? [])
            if (!KnownStatuses.Contains(status))
                throw BerthException.Invalid($"invalid filter 'status={status}'");
        foreach (var health in filters.GetValueOrDefault("health") ?? [])
            if (!KnownHealth.Contains(health))
                throw BerthException.Invalid($"Unrecognised filter value for health: {health}");
        _filters = filters;
        _all = all || filters.ContainsKey("status") || filters.ContainsKey("exited");
        _images = images;
    }

    public IEnumerable<ContainerRecord> Apply(ContainerStoreView view)
    {
        var before = Reference(view, "before");
        var since = Reference(view, "since");
        var ancestors = AncestorIds();
        return view.All.Where(c =>
            (_all || c.State.IsRunning)
            && Any("id", v => c.Id.StartsWith(v, StringComparison.Ordinal))
            && Any("name", v => Regex.IsMatch(c.Name, v) || Regex.IsMatch("/" + c.Name, v))
            && Any("status", v => string.Equals(v, c.State.Status.ToString(), StringComparison.OrdinalIgnoreCase))
            && Any("health", v => v == (c.State.Health is { } h ? HealthState.StatusName(h.Status) : "none"))
            && Any("exited", v => c.State.Status == ContainerStatus.Exited && int.TryParse(v, out var code) && code == c.State.ExitCode)
            && All("label", v => LabelFilter.Matches(c.Config.Labels, v))
            && (ancestors is null || ancestors.Contains(c.ImageId))
            && (before is null || c.Created < before.Created)
            && (since is null || c.Created > since.Created));
    }

    private bool Any(string key, Func<string, bool> match) =>
        !_filters.TryGetValue(key, out var values) || values.Count == 0 || values.Any(match);

    private bool All(string key, Func<string, bool> match) =>
        !_filters.TryGetValue(key, out var values) || values.All(match);

    private ContainerRecord? Reference(ContainerStoreView view, string key) =>
        _filters.TryGetValue(key, out var values) && values.Count > 0 ? view.Get(values[0]) : null;

    private HashSet<string>? AncestorIds()
    {
        if (!_filters.TryGetValue("ancestor", out var values) || values.Count == 0) return null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
            if (_images.TryGet(value) is { } image) ids.Add(image.Id.ToString());
        return ids;
    }
}
