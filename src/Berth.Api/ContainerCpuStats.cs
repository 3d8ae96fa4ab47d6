using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>CPU statistics of a container (swagger <c>ContainerCPUStats</c>).</summary>
public class ContainerCpuStats
{
    [JsonPropertyName("cpu_usage")]
    public ContainerCpuUsage? CpuUsage { get; set; }

    /// <summary>The host's CPU time in nanoseconds.</summary>
    [JsonPropertyName("system_cpu_usage")]
    public ulong? SystemCpuUsage { get; set; }

    [JsonPropertyName("online_cpus")]
    public uint? OnlineCpus { get; set; }

    [JsonPropertyName("throttling_data")]
    public ContainerThrottlingData? ThrottlingData { get; set; }
}
