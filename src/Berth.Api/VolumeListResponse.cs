using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>The answer of <c>GET /volumes</c>.</summary>
public class VolumeListResponse
{
    [JsonPropertyName("Volumes")]
    public List<Volume> Volumes { get; set; } = [];

    [JsonPropertyName("Warnings")]
    public List<string> Warnings { get; set; } = [];
}
