using Berth.Client;

namespace Berth.Cli.Tests.Commands;

/// <summary>A <see cref="CliContext"/> writing to memory, with a fixed environment and files.</summary>
internal static class CliTestContext
{
    public static CliContext Create(
        Func<DaemonEndpoint, IBerthClient>? clientFactory = null,
        Dictionary<string, string>? environment = null,
        Dictionary<string, string[]>? files = null,
        StringWriter? output = null,
        StringWriter? error = null,
        Func<string, IReadOnlyList<string>, int>? exec = null) => new()
    {
        Out = output ?? new StringWriter(),
        Err = error ?? new StringWriter(),
        StdoutStream = new MemoryStream(),
        StderrStream = new MemoryStream(),
        OpenStdin = () => new MemoryStream(),
        Environment = name => environment?.GetValueOrDefault(name),
        ClientFactory = clientFactory ?? (_ => throw new InvalidOperationException("no daemon in this test")),
        ReadAllLines = path => files?.GetValueOrDefault(path) ?? throw new FileNotFoundException("no such file", path),
        ExecProgram = exec ?? ((path, _) => throw new InvalidOperationException($"this test does not exec {path}")),
    };
}
