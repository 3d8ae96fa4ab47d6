using Berth.Engine.Containers;

namespace Berth.Engine.Events;

/// <summary>
/// Container events with dockerd's actor attributes: the container's labels, then <c>image</c> (as the user
/// named it) and <c>name</c> (without the leading slash), then the event's own attributes
/// (<c>exitCode</c>, <c>signal</c>, <c>oldName</c>, …).
/// </summary>
public static class ContainerEvents
{
    public const string Create = "create";
    public const string Start = "start";
    public const string Die = "die";
    public const string Stop = "stop";
    public const string Kill = "kill";
    public const string Pause = "pause";
    public const string Unpause = "unpause";
    public const string Restart = "restart";
    public const string Destroy = "destroy";
    public const string Oom = "oom";
    public const string Rename = "rename";
    public const string Attach = "attach";
    public const string Detach = "detach";
    public const string Export = "export";
    public const string ArchivePath = "archive-path";
    public const string ExtractToDir = "extract-to-dir";
    public const string ExecCreate = "exec_create";
    public const string ExecStart = "exec_start";
    public const string ExecDie = "exec_die";
    public const string HealthStatus = "health_status";

    /// <summary>Publishes <paramref name="action"/> for <paramref name="container"/>.</summary>
    public static EventRecord PublishContainerEvent(this IEventPublisher events, ContainerRecord container, string action,
        IReadOnlyDictionary<string, string>? extra = null) =>
        events.Publish(EventTypes.Container, action, container.Id, Attributes(container, extra));

    /// <summary>
    /// dockerd's action for <c>exec_create</c>/<c>exec_start</c>: <c>"exec_start: " + path + " " + args joined by
    /// spaces</c> (so <c>exec_create: true </c> keeps its trailing space when there are no arguments). Publish it with
    /// the <c>execID</c> attribute; <c>exec_die</c> is the bare action with <c>execID</c> and <c>exitCode</c>.
    /// </summary>
    public static string ExecAction(string action, string path, IEnumerable<string> args) =>
        $"{action}: {path} {string.Join(' ', args)}";

    /// <summary>dockerd's action for a health change: <c>health_status: healthy</c> (or <c>unhealthy</c>, <c>starting</c>).</summary>
    public static string HealthStatusAction(string status) => $"{HealthStatus}: {status}";

    /// <summary>dockerd's LogContainerEventWithAttributes: labels, image, name, then the extra attributes.</summary>
    public static Dictionary<string, string> Attributes(ContainerRecord container, IReadOnlyDictionary<string, string>? extra = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in container.Config.Labels ?? []) attributes[key] = value;
        attributes["image"] = container.Config.Image ?? container.ImageName;
        attributes["name"] = container.Name.TrimStart('/');
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) attributes[key] = value;
        return attributes;
    }
}
