using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary><c>POST /networks/create</c>.</summary>
public class NetworkCreateRequest
{
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("Driver")] public string? Driver { get; set; }
    [JsonPropertyName("Internal")] public bool Internal { get; set; }
    [JsonPropertyName("Attachable")] public bool Attachable { get; set; }
    [JsonPropertyName("EnableIPv6")] public bool? EnableIPv6 { get; set; }
    [JsonPropertyName("IPAM")] public Ipam? Ipam { get; set; }
    [JsonPropertyName("Options")] public Dictionary<string, string>? Options { get; set; }
    [JsonPropertyName("Labels")] public Dictionary<string, string>? Labels { get; set; }
}
