namespace Berth.Core;

/// <summary>Finds a program the way a shell does: a name without a slash is looked up in PATH.</summary>
public static class ExecutablePath
{
    /// <summary>The absolute path of <paramref name="name"/> in PATH, or null when no directory has it.</summary>
    public static string? Search(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>
    /// <paramref name="program"/> as an absolute path when it is a bare name found in PATH (so every later
    /// start skips the search: a spawn that searches PATH tries each directory with its own execve); a path,
    /// or a name not found, is returned as it is.
    /// </summary>
    public static string Resolve(string program) =>
        program.Contains('/', StringComparison.Ordinal) ? program : Search(program) ?? program;
}
