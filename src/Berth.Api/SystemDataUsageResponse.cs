using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary><c>GET /system/df</c>: images, containers, volumes and build cache with their sizes.</summary>
public class SystemDataUsageResponse
{
    /// <summary>Bytes of all image layers, each counted once.</summary>
    [JsonPropertyName("LayersSize")]
    public long LayersSize { get; set; }

    [JsonPropertyName("Images")]
    public List<ImageSummary> Images { get; set; } = [];

    [JsonPropertyName("Containers")]
    public List<ContainerSummary> Containers { get; set; } = [];

    [JsonPropertyName("Volumes")]
    public List<Volume> Volumes { get; set; } = [];

    [JsonPropertyName("BuildCache")]
    public List<BuildCacheRecord> BuildCache { get; set; } = [];
}
