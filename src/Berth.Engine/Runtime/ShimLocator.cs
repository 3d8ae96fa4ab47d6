using Berth.Core;

namespace Berth.Engine.Runtime;

/// <summary>Finds the berth-shim binary: explicit path, then $BERTH_SHIM, then beside the running executable, then PATH.</summary>
public static class ShimLocator
{
    public const string FileName = "berth-shim";
    public const string EnvironmentVariable = "BERTH_SHIM";

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured)) return Existing(configured, "configured shim path");
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv)
            return Existing(fromEnv, $"${EnvironmentVariable}");
        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(beside)) return beside;
        return ExecutablePath.Search(FileName) ?? throw new BerthException(ErrorKind.Internal,
            $"{FileName} not found: set ${EnvironmentVariable}, install it beside {Environment.ProcessPath}, or put it in PATH");
    }

    private static string Existing(string path, string source) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new BerthException(ErrorKind.Internal, $"{FileName} from {source} does not exist: {path}");
}
