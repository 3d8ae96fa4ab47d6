using Berth.Api;

namespace Berth.Client;

/// <summary>Query parameters and body of <c>POST /commit</c>.</summary>
public sealed class CommitOptions
{
    public string? Repository { get; init; }
    public string? Tag { get; init; }
    public string? Comment { get; init; }
    public string? Author { get; init; }
    public bool Pause { get; init; } = true;
    public IReadOnlyList<string> Changes { get; init; } = [];
    public ContainerConfig? Config { get; init; }
}
