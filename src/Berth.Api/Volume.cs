using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>A volume (swagger.yaml <c>Volume</c>).</summary>
public class Volume
{
    [JsonPropertyName("CreatedAt")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("Driver")]
    public string Driver { get; set; } = "local";

    [JsonPropertyName("Labels")]
    public Dictionary<string, string> Labels { get; set; } = [];

    [JsonPropertyName("Mountpoint")]
    public string Mountpoint { get; set; } = "";

    [JsonPropertyName("Name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("Options")]
    public Dictionary<string, string> Options { get; set; } = [];

    [JsonPropertyName("Scope")]
    public string Scope { get; set; } = "local";

    /// <summary>Only in <c>GET /system/df</c>.</summary>
    [JsonPropertyName("UsageData")]
    public VolumeUsageData? UsageData { get; set; }
}
