namespace Berth.Engine.Build.Dockerfile;

/// <summary>
/// One instruction as written: <see cref="Keyword"/> upper-cased, <see cref="Flags"/> the leading
/// <c>--name=value</c> words (FROM, RUN, COPY, ADD, HEALTHCHECK), <see cref="Arguments"/> the rest with line
/// continuations joined, <see cref="ExecForm"/> the JSON array when the arguments are one (exec form),
/// <see cref="Heredocs"/> the here-documents that follow the line, <see cref="Line"/> 1-based.
/// </summary>
public sealed record DockerfileInstruction(
    string Keyword,
    IReadOnlyList<string> Flags,
    string Arguments,
    IReadOnlyList<string>? ExecForm,
    IReadOnlyList<Heredoc> Heredocs,
    int Line,
    string Original)
{
    /// <summary>The value of flag <c>--name=value</c>, or null (the last one wins).</summary>
    public string? Flag(string name)
    {
        string? value = null;
        foreach (var flag in Flags)
        {
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? flag[2..] : flag[2..eq];
            if (key == name) value = eq < 0 ? "" : flag[(eq + 1)..];
        }
        return value;
    }
}
