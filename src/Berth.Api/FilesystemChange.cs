using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>One change in a container's filesystem (swagger FilesystemChange): Kind 0 modified, 1 added, 2 deleted.</summary>
public class FilesystemChange
{
    [JsonPropertyName("Path")]
    public string Path { get; set; } = "";

    [JsonPropertyName("Kind")]
    public int Kind { get; set; }
}
