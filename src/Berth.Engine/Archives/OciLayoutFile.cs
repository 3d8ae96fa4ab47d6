using System.Text.Json.Serialization;

namespace Berth.Engine.Archives;

/// <summary>The <c>oci-layout</c> marker file of an OCI image layout (image-layout.md).</summary>
public sealed class OciLayoutFile
{
    public const string CurrentVersion = "1.0.0";

    [JsonPropertyName("imageLayoutVersion")] public string ImageLayoutVersion { get; set; } = CurrentVersion;
}
