namespace Berth.Cli.Commands.Registry;

/// <summary>Finds <c>berth-registry</c>: <c>$BERTH_REGISTRY</c>, then beside the <c>berth</c> binary, then on PATH.</summary>
internal static class RegistryProgram
{
    public const string FileName = "berth-registry";
    public const string Variable = "BERTH_REGISTRY";

    public static string? Find(Func<string, string?> environment)
    {
        var configured = environment(Variable);
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        if (Environment.ProcessPath is { } self && Path.GetDirectoryName(self) is { } dir && File.Exists(Path.Combine(dir, FileName)))
            return Path.Combine(dir, FileName);
        foreach (var directory in (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, FileName);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>Execs berth-registry with <paramref name="args"/>; returns an exit code only when that fails.</summary>
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args)
    {
        var path = Find(context.Environment);
        if (path is null)
        {
            await context.Err.WriteLineAsync($"berth: {FileName} not found (set {Variable}, install it beside berth, or put it on PATH)").ConfigureAwait(false);
            return 1;
        }
        var errno = context.ExecProgram(path, args);
        await context.Err.WriteLineAsync($"berth: cannot run {path}: errno {errno}").ConfigureAwait(false);
        return 1;
    }
}
