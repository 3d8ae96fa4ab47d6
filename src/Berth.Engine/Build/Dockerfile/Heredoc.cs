namespace Berth.Engine.Build.Dockerfile;

/// <summary>
/// A here-document (<c>RUN &lt;&lt;EOF</c>): its terminator <see cref="Name"/>, the lines up to it, whether
/// variables in it are expanded (an unquoted name) and whether leading tabs were stripped (<c>&lt;&lt;-</c>).
/// </summary>
public sealed record Heredoc(string Name, string Content, bool Expand, bool StripTabs);
