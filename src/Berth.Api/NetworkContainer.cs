using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>A container's endpoint in <c>Network.Containers</c>.</summary>
public class NetworkContainer
{
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("EndpointID")] public string? EndpointId { get; set; }
    [JsonPropertyName("MacAddress")] public string? MacAddress { get; set; }
    [JsonPropertyName("IPv4Address")] public string? IPv4Address { get; set; }
    [JsonPropertyName("IPv6Address")] public string? IPv6Address { get; set; }
}
