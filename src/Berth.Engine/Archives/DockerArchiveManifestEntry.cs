using System.Text.Json.Serialization;

namespace Berth.Engine.Archives;

/// <summary>
/// One image in a docker-archive's <c>manifest.json</c> (moby image/spec "Combined Image JSON + Filesystem
/// Changeset Format"): the config file, the tags and the layer files, bottom first, as paths in the archive.
/// </summary>
public sealed class DockerArchiveManifestEntry
{
    [JsonPropertyName("Config")] public string Config { get; set; } = "";
    [JsonPropertyName("RepoTags")] public List<string>? RepoTags { get; set; }
    [JsonPropertyName("Layers")] public List<string> Layers { get; set; } = [];
}
