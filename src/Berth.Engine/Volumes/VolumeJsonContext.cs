using System.Text.Json.Serialization;

namespace Berth.Engine.Volumes;

/// <summary>Source-generated JSON for volume records on disk.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(VolumeRecord))]
internal sealed partial class VolumeJsonContext : JsonSerializerContext;
