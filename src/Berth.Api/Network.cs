using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>A network as <c>GET /networks</c> and <c>GET /networks/{id}</c> return it.</summary>
public class Network
{
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("Id")] public string? Id { get; set; }
    [JsonPropertyName("Created")] public string? Created { get; set; }
    [JsonPropertyName("Scope")] public string? Scope { get; set; }
    [JsonPropertyName("Driver")] public string? Driver { get; set; }
    [JsonPropertyName("EnableIPv4")] public bool EnableIPv4 { get; set; }
    [JsonPropertyName("EnableIPv6")] public bool EnableIPv6 { get; set; }
    [JsonPropertyName("IPAM")] public Ipam? Ipam { get; set; }
    [JsonPropertyName("Internal")] public bool Internal { get; set; }
    [JsonPropertyName("Attachable")] public bool Attachable { get; set; }
    [JsonPropertyName("Ingress")] public bool Ingress { get; set; }
    [JsonPropertyName("ConfigOnly")] public bool ConfigOnly { get; set; }
    [JsonPropertyName("Options")] public Dictionary<string, string>? Options { get; set; }
    [JsonPropertyName("Labels")] public Dictionary<string, string>? Labels { get; set; }
    [JsonPropertyName("Containers")] public Dictionary<string, NetworkContainer>? Containers { get; set; }
}
