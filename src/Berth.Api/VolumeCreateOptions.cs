using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>The body of <c>POST /volumes/create</c> (swagger.yaml <c>VolumeCreateOptions</c>).</summary>
public class VolumeCreateOptions
{
    [JsonPropertyName("Name")]
    public string? Name { get; set; }

    [JsonPropertyName("Driver")]
    public string? Driver { get; set; }

    [JsonPropertyName("DriverOpts")]
    public Dictionary<string, string>? DriverOpts { get; set; }

    [JsonPropertyName("Labels")]
    public Dictionary<string, string>? Labels { get; set; }
}
