using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>One subnet of a network.</summary>
public class IpamConfig
{
    [JsonPropertyName("Subnet")] public string? Subnet { get; set; }
    [JsonPropertyName("IPRange")] public string? IpRange { get; set; }
    [JsonPropertyName("Gateway")] public string? Gateway { get; set; }
}
