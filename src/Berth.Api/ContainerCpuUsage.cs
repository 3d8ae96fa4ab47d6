using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>CPU time used since the container started, in nanoseconds (swagger <c>ContainerCPUUsage</c>).</summary>
public class ContainerCpuUsage
{
    [JsonPropertyName("total_usage")]
    public ulong TotalUsage { get; set; }

    /// <summary>Per CPU; cgroup v1 only.</summary>
    [JsonPropertyName("percpu_usage")]
    public List<ulong>? PercpuUsage { get; set; }

    [JsonPropertyName("usage_in_kernelmode")]
    public ulong UsageInKernelmode { get; set; }

    [JsonPropertyName("usage_in_usermode")]
    public ulong UsageInUsermode { get; set; }
}
