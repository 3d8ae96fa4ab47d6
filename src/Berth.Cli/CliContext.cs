using Berth.Client;

namespace Berth.Cli;

/// <summary>
/// Everything a command touches outside itself: output writers, stdin, the environment, the clock and how to
/// reach the daemon. Program wires the real ones; tests pass their own.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Err { get; init; }

    /// <summary>Raw stdout for container output (bytes, not text).</summary>
    public required Stream StdoutStream { get; init; }

    /// <summary>Raw stderr for container output.</summary>
    public required Stream StderrStream { get; init; }

    public required Func<Stream> OpenStdin { get; init; }

    public required Func<string, string?> Environment { get; init; }

    public required Func<DaemonEndpoint, IBerthClient> ClientFactory { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Reads a file given on the command line (<c>--env-file</c>, <c>--label-file</c>).</summary>
    public Func<string, string[]> ReadAllLines { get; init; } = File.ReadAllLines;

    /// <summary>Whether a standard descriptor (0, 1, 2) is a terminal (<c>save</c> refuses to write a tar to one).</summary>
    public Func<int, bool> IsTerminal { get; init; } = Terminal.TerminalSession.IsTerminal;

    /// <summary>Opens a file given on the command line for reading (<c>import file</c>).</summary>
    public Func<string, Stream> OpenFile { get; init; } = File.OpenRead;

    /// <summary>Replaces this process with a program (<c>berth registry</c> → berth-registry); returns errno if it could not.</summary>
    public Func<string, IReadOnlyList<string>, int> ExecProgram { get; init; } = Commands.Registry.ProgramExec.Replace;

    /// <summary>The real process: console streams, process environment, a socket client.</summary>
    public static CliContext CreateDefault()
    {
        // On a terminal, plain descriptor streams: writing through .NET's console stream switches the terminal's
        // keypad mode (docker leaves it alone). Pipes keep the console stream, which ignores EPIPE.
        var stdout = new Output.BlockingWriteStream(Terminal.TerminalSession.IsTerminal(1) ? Terminal.TerminalSession.OpenOutput(1) : Console.OpenStandardOutput());
        var stderr = new Output.BlockingWriteStream(Terminal.TerminalSession.IsTerminal(2) ? Terminal.TerminalSession.OpenOutput(2) : Console.OpenStandardError());
        return new CliContext
        {
            Out = new StreamWriter(stdout) { AutoFlush = true },
            Err = new StreamWriter(stderr) { AutoFlush = true },
            StdoutStream = stdout,
            StderrStream = stderr,
            // A terminal is read as it is: .NET's console stream would echo and edit lines itself (docker does not).
            OpenStdin = () => Terminal.TerminalSession.IsTerminal(0) ? Terminal.TerminalSession.OpenDescriptorInput() : Console.OpenStandardInput(),
            Environment = global::System.Environment.GetEnvironmentVariable,
            ClientFactory = endpoint => new BerthClient(endpoint),
        };
    }
}
