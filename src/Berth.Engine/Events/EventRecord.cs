using System.Text.Json.Serialization;

namespace Berth.Engine.Events;

/// <summary>
/// One event as the journal keeps it: what happened (<see cref="Action"/>) to which object (<see cref="Type"/>,
/// <see cref="ActorId"/>), with Docker's actor attributes (for containers <c>name</c>, <c>image</c> and the labels;
/// for images <c>name</c> and the labels). Time is Unix nanoseconds, never decreasing within a journal.
/// The wire shape (swagger.yaml <c>EventMessage</c>) is built by the API from this.
/// </summary>
public sealed record EventRecord(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("actorId")] string ActorId,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string> Attributes,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("timeNano")] long TimeNano)
{
    /// <summary>Engine events are local (swarm events are <c>swarm</c>).</summary>
    public const string LocalScope = "local";

    /// <summary>Unix seconds.</summary>
    [JsonIgnore]
    public long Time => Math.DivRem(TimeNano, 1_000_000_000L, out var rem) - (rem < 0 ? 1 : 0);

    /// <summary>The event's time as a <see cref="DateTimeOffset"/> (100 ns resolution).</summary>
    [JsonIgnore]
    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks(TimeNano / 100);

    /// <summary>Unix nanoseconds of <paramref name="time"/>.</summary>
    public static long ToUnixNano(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
