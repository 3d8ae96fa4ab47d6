namespace Berth.Engine.Build.Dockerfile;

/// <summary>A parsed Dockerfile: its parser directives and instructions in order.</summary>
public sealed record ParsedDockerfile(IReadOnlyDictionary<string, string> Directives, char EscapeToken, IReadOnlyList<DockerfileInstruction> Instructions);
