namespace Berth.Engine.Exec;

/// <summary>
/// What <c>POST /containers/{id}/exec</c> asks for (swagger ExecConfig), as the engine keeps it. Empty User and
/// WorkingDir fall back to the container's; Env is merged over the container's environment.
/// </summary>
public sealed record ExecOptions
{
    public required IReadOnlyList<string> Cmd { get; init; }
    public IReadOnlyList<string> Env { get; init; } = [];
    public string WorkingDir { get; init; } = "";
    public string User { get; init; } = "";
    public bool Privileged { get; init; }
    public bool Tty { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; }
    public bool AttachStderr { get; init; }
    /// <summary>The detach key spec as given (validated by the API); empty for the default.</summary>
    public string DetachKeys { get; init; } = "";
    /// <summary>Initial terminal size (height, width), used when start does not give one.</summary>
    public ConsoleDimensions? ConsoleSize { get; init; }
}
