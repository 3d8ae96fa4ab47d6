using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Response of <c>POST /build/prune</c> (swagger BuildPruneResponse).</summary>
public class BuildPruneResponse
{
    [JsonPropertyName("CachesDeleted")]
    public List<string>? CachesDeleted { get; set; }

    [JsonPropertyName("SpaceReclaimed")]
    public long SpaceReclaimed { get; set; }
}
