namespace Berth.Core.Archive;

/// <summary>One line of <c>docker diff</c>: an absolute path in the container and how it changed.</summary>
public sealed record FileChange(string Path, FileChangeKind Kind);
