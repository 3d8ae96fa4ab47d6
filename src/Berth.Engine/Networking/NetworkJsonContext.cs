using System.Text.Json.Serialization;

namespace Berth.Engine.Networking;

/// <summary>Source-generated JSON for network records on disk.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(NetworkRecord))]
internal sealed partial class NetworkJsonContext : JsonSerializerContext;
