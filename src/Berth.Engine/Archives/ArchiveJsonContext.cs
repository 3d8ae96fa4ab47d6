using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berth.Engine.Archives;

/// <summary>
/// Source-generated JSON for the archive metadata files: docker-archive <c>manifest.json</c> and
/// <c>repositories</c> (repository → tag → layer ID), and the OCI <c>oci-layout</c> marker.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<DockerArchiveManifestEntry>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
[JsonSerializable(typeof(OciLayoutFile))]
internal sealed partial class ArchiveJsonContext : JsonSerializerContext
{
    /// <summary>Writes <c>+</c> and <c>&lt;</c> as they are, like docker does.</summary>
    public static ArchiveJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
