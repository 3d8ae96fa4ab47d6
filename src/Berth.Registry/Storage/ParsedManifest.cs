using Berth.Core.Oci;

namespace Berth.Registry.Storage;

/// <summary>What the registry needs to know of a pushed manifest or index: its type and what it points at.</summary>
public sealed class ParsedManifest
{
    public required string MediaType { get; init; }

    public bool IsIndex { get; init; }

    public Descriptor? Config { get; init; }

    public IReadOnlyList<Descriptor> Layers { get; init; } = [];

    /// <summary>An index's child manifests.</summary>
    public IReadOnlyList<Descriptor> Manifests { get; init; } = [];

    public Descriptor? Subject { get; init; }

    public string? ArtifactType { get; init; }

    public Dictionary<string, string>? Annotations { get; init; }

    /// <summary>Every digest this manifest keeps alive (garbage collection's mark): config, layers, children, subject.</summary>
    public IEnumerable<Descriptor> References()
    {
        if (Config is not null) yield return Config;
        foreach (var layer in Layers) yield return layer;
        foreach (var child in Manifests) yield return child;
        if (Subject is not null) yield return Subject;
    }
}
