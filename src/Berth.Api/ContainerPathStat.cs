using System.Text.Json.Serialization;

namespace Berth.Api;

/// <summary>
/// The <c>X-Docker-Container-Path-Stat</c> header of <c>GET/HEAD /containers/{id}/archive</c> (base64 JSON).
/// <see cref="Mode"/> is a Go <c>os.FileMode</c> (permission bits plus type bits such as
/// <see cref="ModeDir"/>); <see cref="LinkTarget"/> is a symlink's fully resolved path inside the container.
/// </summary>
public class ContainerPathStat
{
    public const uint ModeDir = 1u << 31;
    public const uint ModeSymlink = 1u << 27;
    public const uint ModeDevice = 1u << 26;
    public const uint ModeNamedPipe = 1u << 25;
    public const uint ModeSocket = 1u << 24;
    public const uint ModeSetuid = 1u << 23;
    public const uint ModeSetgid = 1u << 22;
    public const uint ModeCharDevice = 1u << 21;
    public const uint ModeSticky = 1u << 20;

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("size")]
    public long Size { get; set; }

    [JsonPropertyName("mode")]
    public uint Mode { get; set; }

    [JsonPropertyName("mtime")]
    public DateTimeOffset Mtime { get; set; }

    [JsonPropertyName("linkTarget")]
    public string LinkTarget { get; set; } = "";

    [JsonIgnore]
    public bool IsDirectory => (Mode & ModeDir) != 0;

    [JsonIgnore]
    public bool IsSymlink => (Mode & ModeSymlink) != 0;
}
