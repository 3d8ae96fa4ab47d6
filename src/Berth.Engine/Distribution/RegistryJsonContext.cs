using System.Text.Json.Serialization;

namespace Berth.Engine.Distribution;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegistryTokenResponse))]
[JsonSerializable(typeof(RegistryErrorResponse))]
[JsonSerializable(typeof(RegistryCatalog))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
