using Berth.Core.Filters;
using Berth.Core.References;

namespace Berth.Engine.Events;

/// <summary>
/// dockerd's event filter (daemon/events/filter.go) over already-parsed filter values: every key given must
/// match. <c>type</c>, <c>scope</c> and <c>event</c> match exactly (an <c>event</c> filter naming
/// <c>exec_create</c>, <c>exec_start</c> or <c>health_status</c> also matches the actions that continue with
/// <c>: …</c>); <c>container</c>, <c>daemon</c>, <c>network</c>, <c>volume</c> … match a prefix of the actor's ID or
/// its <c>name</c> attribute (and so exclude other event types); <c>image</c> matches the image ID or name with or
/// without its tag; <c>label</c> (<c>k</c> or <c>k=v</c>, all must hold) matches the actor's attributes.
/// </summary>
public sealed class EventFilter
{
    /// <summary>The filter keys dockerd accepts for <c>/events</c>.</summary>
    public static readonly IReadOnlyList<string> AcceptedKeys =
        ["config", "container", "daemon", "event", "image", "label", "network", "node", "plugin", "scope", "secret", "service", "type", "volume"];

    private static readonly string[] NameKeys = ["container", "daemon", "plugin", "volume", "network", "node", "service", "secret", "config"];
    private static readonly string[] PrefixedActions = ["exec_create", "exec_start", "health_status"];

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _values;

    public EventFilter(IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        _values = values.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static EventFilter None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public bool Matches(EventRecord ev) =>
        MatchesEvent(ev.Action)
        && Exact("type", ev.Type)
        && Exact("scope", ev.Scope)
        && NameKeys.All(key => PrefixOfIdOrName(key, ev))
        && MatchesImage(ev)
        && (!_values.TryGetValue("label", out var labels) || labels.All(l => LabelFilter.Matches(ev.Attributes, l)));

    private bool Exact(string key, string value) => !_values.TryGetValue(key, out var wanted) || wanted.Contains(value);

    private bool Fuzzy(string key, string value) =>
        !_values.TryGetValue(key, out var wanted) || wanted.Any(w => value == w || value.StartsWith(w, StringComparison.Ordinal));

    private bool MatchesEvent(string action)
    {
        if (!_values.TryGetValue("event", out var wanted)) return true;
        return wanted.Any(w => PrefixedActions.Contains(w))
            ? Fuzzy("event", action)
            : wanted.Contains(action);
    }

    private bool PrefixOfIdOrName(string key, EventRecord ev) =>
        !_values.ContainsKey(key)
        || Fuzzy(key, ev.ActorId)
        || (ev.Attributes.TryGetValue("name", out var name) && Fuzzy(key, name));

    private bool MatchesImage(EventRecord ev)
    {
        if (!_values.ContainsKey("image")) return true;
        var name = ev.Attributes.GetValueOrDefault(ev.Type == EventTypes.Image ? "name" : "image") ?? "";
        return Exact("image", ev.ActorId) || Exact("image", name) || Exact("image", StripTag(ev.ActorId)) || Exact("image", StripTag(name));
    }

    /// <summary>The familiar name without tag or digest (<c>busybox:1</c> → <c>busybox</c>); unparsable text as is.</summary>
    private static string StripTag(string image) =>
        ImageReference.TryParse(image, out var reference, out _) ? reference.FamiliarName : image;
}
