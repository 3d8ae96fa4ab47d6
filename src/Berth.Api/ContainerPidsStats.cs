using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Processes in the container's cgroup and their limit, 0 meaning none (swagger <c>ContainerPidsStats</c>).</summary>
public class ContainerPidsStats
{
    [JsonPropertyName("current")]
    public ulong? Current { get; set; }

    [JsonPropertyName("limit")]
    public ulong? Limit { get; set; }
}
