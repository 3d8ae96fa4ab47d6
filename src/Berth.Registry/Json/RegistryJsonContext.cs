using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Berth.Core.Oci;

namespace Berth.Registry.Json;

/// <summary>Source-generated JSON for the registry's wire and metadata types (AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TagList))]
[JsonSerializable(typeof(Catalog))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenClaims))]
[JsonSerializable(typeof(ManifestLink))]
[JsonSerializable(typeof(Descriptor))]
[JsonSerializable(typeof(ImageIndex))]
public sealed partial class RegistryJsonContext : JsonSerializerContext
{
    /// <summary>Like <see cref="Default"/> but media types keep their <c>+</c> (as the spec spells them).</summary>
    public static RegistryJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
