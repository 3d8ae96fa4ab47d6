namespace Berth.Engine.Events;

/// <summary>The <c>Type</c> of an event (swagger.yaml <c>EventMessage.Type</c>) for the objects berth reports on.</summary>
public static class EventTypes
{
    public const string Container = "container";
    public const string Image = "image";
    public const string Volume = "volume";
}
