namespace Berth.Engine.Events;

/// <summary>
/// Image events with dockerd's actor attributes: the image's labels (while it still exists) and <c>name</c>
/// (the reference for tag, the image ID for import, untag and delete, as dockerd reports them).
/// </summary>
public static class ImageEvents
{
    public const string Import = "import";
    public const string Tag = "tag";
    public const string Untag = "untag";
    public const string Delete = "delete";
    public const string Pull = "pull";
    public const string Push = "push";
    public const string Save = "save";
    public const string Load = "load";

    public static EventRecord PublishImageEvent(this IEventPublisher events, string imageId, string name, string action,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? new Dictionary<string, string>()) attributes[key] = value;
        if (name.Length > 0) attributes["name"] = name;
        return events.Publish(EventTypes.Image, action, imageId, attributes);
    }
}
