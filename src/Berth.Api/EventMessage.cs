using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>
/// One object of the <c>GET /events</c> stream (swagger.yaml <c>EventMessage</c>). <c>status</c>, <c>id</c> and
/// <c>from</c> are the deprecated fields dockerd still fills for container and image events before API 1.52.
/// Properties are declared in dockerd's JSON order.
/// </summary>
public sealed class EventMessage
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("from")]
    public string? From { get; set; }

    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    [JsonPropertyName("Action")]
    public string? Action { get; set; }

    [JsonPropertyName("Actor")]
    public EventActor? Actor { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("time")]
    public long Time { get; set; }

    [JsonPropertyName("timeNano")]
    public long TimeNano { get; set; }
}
