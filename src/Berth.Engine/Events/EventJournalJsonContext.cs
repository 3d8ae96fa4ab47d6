using System.Text.Json.Serialization;

namespace Berth.Engine.Events;

/// <summary>The journal's line format (one <see cref="EventRecord"/> per line, compact).</summary>
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class EventJournalJsonContext : JsonSerializerContext;
