using System.Runtime.InteropServices;

namespace Berth.Cli.Commands.Registry;

/// <summary>
/// Replaces the berth process with another program (execv): <c>berth registry serve</c> becomes berth-registry
/// itself, so signals, exit codes and stdio are the server's own. The CLI never references Berth.Core, so this
/// one libc call lives here (as the terminal calls do in Terminal/TerminalNative).
/// </summary>
internal static partial class ProgramExec
{
    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ExecV(string path, string?[] argv);

    /// <summary>Execs <paramref name="path"/> with <paramref name="args"/> (argv[0] is the path); returns only on failure, with errno.</summary>
    public static int Replace(string path, IReadOnlyList<string> args)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        string?[] argv = [path, .. args, null];
        _ = ExecV(path, argv);
        return Marshal.GetLastPInvokeError();
    }
}
