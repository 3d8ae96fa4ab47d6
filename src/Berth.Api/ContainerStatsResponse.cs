using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>
/// <c>GET /containers/{id}/stats</c>: one statistics sample (swagger <c>ContainerStatsResponse</c>). Also the
/// element type of berth's bulk extension <c>GET /containers/stats</c>.
/// </summary>
public class ContainerStatsResponse
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>RFC 3339 with nanoseconds; <c>0001-01-01T00:00:00Z</c> for a container that is not running.</summary>
    [JsonPropertyName("read")]
    public string? Read { get; set; }

    [JsonPropertyName("preread")]
    public string? Preread { get; set; }

    [JsonPropertyName("pids_stats")]
    public ContainerPidsStats? PidsStats { get; set; }

    [JsonPropertyName("blkio_stats")]
    public ContainerBlkioStats? BlkioStats { get; set; }

    [JsonPropertyName("num_procs")]
    public uint NumProcs { get; set; }

    [JsonPropertyName("cpu_stats")]
    public ContainerCpuStats? CpuStats { get; set; }

    [JsonPropertyName("precpu_stats")]
    public ContainerCpuStats? PrecpuStats { get; set; }

    [JsonPropertyName("memory_stats")]
    public ContainerMemoryStats? MemoryStats { get; set; }

    [JsonPropertyName("networks")]
    public Dictionary<string, ContainerNetworkStats>? Networks { get; set; }
}
