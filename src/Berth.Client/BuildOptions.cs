namespace Berth.Client;

/// <summary>Query parameters of <c>POST /build</c> (swagger.yaml ImageBuild).</summary>
public sealed class BuildOptions
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Dockerfile { get; init; }
    public IReadOnlyDictionary<string, string?> BuildArgs { get; init; } = new Dictionary<string, string?>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public string? Target { get; init; }
    public bool NoCache { get; init; }
    public bool Quiet { get; init; }
    public bool Remove { get; init; } = true;
    public bool ForceRemove { get; init; }
}
