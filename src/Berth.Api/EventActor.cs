using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>The object an event is about (swagger.yaml <c>EventActor</c>): its ID and attributes (name, image, labels …).</summary>
public sealed class EventActor
{
    [JsonPropertyName("ID")]
    public string? Id { get; set; }

    [JsonPropertyName("Attributes")]
    public Dictionary<string, string>? Attributes { get; set; }
}
