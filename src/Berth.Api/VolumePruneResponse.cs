using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>The answer of <c>POST /volumes/prune</c>.</summary>
public class VolumePruneResponse
{
    [JsonPropertyName("VolumesDeleted")]
    public List<string> VolumesDeleted { get; set; } = [];

    [JsonPropertyName("SpaceReclaimed")]
    public long SpaceReclaimed { get; set; }
}
