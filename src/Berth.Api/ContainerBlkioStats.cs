using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>Block I/O statistics (swagger <c>ContainerBlkioStats</c>); on cgroup v2 only the bytes are set.</summary>
public class ContainerBlkioStats
{
    [JsonPropertyName("io_service_bytes_recursive")]
    public List<ContainerBlkioStatEntry>? IoServiceBytesRecursive { get; set; }

    [JsonPropertyName("io_serviced_recursive")]
    public List<ContainerBlkioStatEntry>? IoServicedRecursive { get; set; }

    [JsonPropertyName("io_queue_recursive")]
    public List<ContainerBlkioStatEntry>? IoQueueRecursive { get; set; }

    [JsonPropertyName("io_service_time_recursive")]
    public List<ContainerBlkioStatEntry>? IoServiceTimeRecursive { get; set; }

    [JsonPropertyName("io_wait_time_recursive")]
    public List<ContainerBlkioStatEntry>? IoWaitTimeRecursive { get; set; }

    [JsonPropertyName("io_merged_recursive")]
    public List<ContainerBlkioStatEntry>? IoMergedRecursive { get; set; }

    [JsonPropertyName("io_time_recursive")]
    public List<ContainerBlkioStatEntry>? IoTimeRecursive { get; set; }

    [JsonPropertyName("sectors_recursive")]
    public List<ContainerBlkioStatEntry>? SectorsRecursive { get; set; }
}
