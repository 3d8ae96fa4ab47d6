using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary><c>POST /networks/{id}/connect</c> and <c>/disconnect</c> (Force only for disconnect).</summary>
public class NetworkConnectRequest
{
    [JsonPropertyName("Container")] public string? Container { get; set; }
    [JsonPropertyName("EndpointConfig")] public EndpointSettings? EndpointConfig { get; set; }
    [JsonPropertyName("Force")] public bool Force { get; set; }
}
