using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Answer to <c>POST /networks/create</c>.</summary>
public class NetworkCreateResponse
{
    [JsonPropertyName("Id")] public string? Id { get; set; }
    [JsonPropertyName("Warning")] public string? Warning { get; set; }
}
