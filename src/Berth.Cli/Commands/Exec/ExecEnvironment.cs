namespace Berth.Cli.Commands.Exec;

/// <summary>
/// The exec's environment as the docker CLI builds it: <c>--env-file</c> lines first, then <c>-e</c>; a bare
/// <c>NAME</c> takes the host's value (and is dropped when the host has none).
/// </summary>
internal static class ExecEnvironment
{
    public static List<string> Read(IEnumerable<string> envFiles, IEnumerable<string> env, Func<string, string?> hostEnvironment, Func<string, string[]> readAllLines)
    {
        var result = new List<string>();
        foreach (var file in envFiles)
        {
            string[] lines;
            try
            {
                lines = readAllLines(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"open {file}: {e.Message}", e);
            }
            foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                Add(result, line, hostEnvironment);
        }
        foreach (var entry in env) Add(result, entry, hostEnvironment);
        return result;
    }

    private static void Add(List<string> result, string entry, Func<string, string?> hostEnvironment)
    {
        if (entry.StartsWith('=')) throw new CliUsageException($"invalid environment variable: {entry}");
        if (entry.Contains('=', StringComparison.Ordinal)) result.Add(entry);
        else if (hostEnvironment(entry) is { } value) result.Add($"{entry}={value}");
    }
}
