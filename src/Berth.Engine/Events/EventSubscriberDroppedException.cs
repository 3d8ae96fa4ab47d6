namespace Berth.Engine.Events;

/// <summary>Ends a live subscription whose reader fell too far behind the publisher.</summary>
public sealed class EventSubscriberDroppedException : Exception
{
    public EventSubscriberDroppedException()
        : base($"event subscriber fell more than {EventJournal.SubscriberQueueLength} events behind and was dropped")
    {
    }

    public EventSubscriberDroppedException(string message) : base(message)
    {
    }

    public EventSubscriberDroppedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
