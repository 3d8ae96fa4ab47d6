namespace Berth.Engine.Events;

/// <summary>
/// Where workflows report what happened. <see cref="Publish"/> stamps the time, records the event in the
/// journal and hands it to live subscribers; it never waits for a subscriber. Containers and images have
/// helpers that fill Docker's actor attributes: <see cref="ContainerEvents"/>, <see cref="ImageEvents"/>.
/// </summary>
public interface IEventPublisher
{
    /// <param name="type"><see cref="EventTypes"/>: <c>container</c>, <c>image</c>, …</param>
    /// <param name="action">Docker's action, e.g. <c>start</c>, <c>die</c>, <c>exec_start: sh -c date</c>, <c>health_status: healthy</c>.</param>
    /// <param name="actorId">The object's full ID.</param>
    /// <param name="attributes">Actor attributes; copied.</param>
    EventRecord Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string> attributes);
}
