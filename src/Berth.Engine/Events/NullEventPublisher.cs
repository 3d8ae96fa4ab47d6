namespace Berth.Engine.Events;

/// <summary>Drops every event (tests and tools that run a workflow without a journal).</summary>
public sealed class NullEventPublisher : IEventPublisher
{
    public static NullEventPublisher Instance { get; } = new();

    public EventRecord Publish(string type, string action, string actorId, IReadOnlyDictionary<string, string> attributes) =>
        new(type, action, actorId, new Dictionary<string, string>(attributes, StringComparer.Ordinal), EventRecord.LocalScope, 0);
}
