using Berth.Api;
using Berth.Engine.Events;

namespace Berth.Daemon.Api.Events;

/// <summary>Journal records → swagger.yaml <c>EventMessage</c>.</summary>
public static class EventWireMapping
{
    /// <summary>API 1.52 dropped the deprecated <c>status</c>, <c>id</c> and <c>from</c> fields.</summary>
    public static readonly ApiVersion LastVersionWithLegacyFields = new(1, 51);

    /// <param name="legacyFields">Fill <c>status</c>/<c>id</c>/<c>from</c> for container and image events, as dockerd does before API 1.52.</param>
    public static EventMessage ToMessage(EventRecord ev, bool legacyFields)
    {
        var attributes = new Dictionary<string, string>(ev.Attributes.Count, StringComparer.Ordinal);
        foreach (var (key, value) in ev.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)) attributes[key] = value;
        var message = new EventMessage
        {
            Type = ev.Type,
            Action = ev.Action,
            Actor = new EventActor { Id = ev.ActorId, Attributes = attributes },
            Scope = ev.Scope,
            Time = ev.Time,
            TimeNano = ev.TimeNano,
        };
        if (legacyFields && ev.Type is EventTypes.Container or EventTypes.Image)
        {
            message.Status = ev.Action;
            message.Id = ev.ActorId;
            if (ev.Type == EventTypes.Container) message.From = ev.Attributes.GetValueOrDefault("image");
        }
        return message;
    }
}
