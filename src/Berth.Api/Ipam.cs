using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>A network's address management: driver and subnets.</summary>
public class Ipam
{
    [JsonPropertyName("Driver")] public string? Driver { get; set; }
    [JsonPropertyName("Config")] public List<IpamConfig>? Config { get; set; }
    [JsonPropertyName("Options")] public Dictionary<string, string>? Options { get; set; }
}
