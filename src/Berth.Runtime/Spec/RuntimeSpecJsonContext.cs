using System.Text.Json.Serialization;

namespace Berth.Runtime.Spec;

/// <summary>Source-generated JSON for config.json and <c>runc update</c> resources.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(Spec))]
[JsonSerializable(typeof(LinuxResources))]
[JsonSerializable(typeof(Process))]
public sealed partial class RuntimeSpecJsonContext : JsonSerializerContext;
