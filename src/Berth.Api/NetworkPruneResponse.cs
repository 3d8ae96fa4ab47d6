using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Answer to <c>POST /networks/prune</c>.</summary>
public class NetworkPruneResponse
{
    [JsonPropertyName("NetworksDeleted")] public List<string>? NetworksDeleted { get; set; }
}
