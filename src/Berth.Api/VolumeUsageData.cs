using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>A volume's disk use in <c>GET /system/df</c>: bytes, and how many containers reference it.</summary>
public class VolumeUsageData
{
    [JsonPropertyName("Size")]
    public long Size { get; set; }

    [JsonPropertyName("RefCount")]
    public long RefCount { get; set; }
}
