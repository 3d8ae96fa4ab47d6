namespace Berth.Runtime.Shim;

/// <summary>
/// Files in a container's state dir (under the exec root): the shim's control socket, its pid, runc's pid file
/// for the init process, runc's error log, and the exit record that survives the shim.
/// </summary>
public static class ShimPaths
{
    public static string Socket(string stateDir) => Path.Combine(stateDir, "shim.sock");
    public static string ShimPid(string stateDir) => Path.Combine(stateDir, "shim.pid");
    public static string InitPid(string stateDir) => Path.Combine(stateDir, "init.pid");
    public static string Exit(string stateDir) => Path.Combine(stateDir, "exit.json");
    public static string RuncLog(string stateDir) => Path.Combine(stateDir, "runc.log");

    /// <summary>The OCI process JSON the daemon writes for one exec (<c>runc exec --process</c>).</summary>
    public static string ExecProcess(string stateDir, string execId) => Path.Combine(stateDir, $"exec-{ExecKey(execId)}.json");
    public static string ExecPid(string stateDir, string execId) => Path.Combine(stateDir, $"exec-{ExecKey(execId)}.pid");
    public static string ExecLog(string stateDir, string execId) => Path.Combine(stateDir, $"exec-{ExecKey(execId)}.log");

    /// <summary>Console socket for an exec with a terminal (short: a unix socket path must stay under 108 bytes).</summary>
    public static string ExecConsole(string stateDir, string execId) => Path.Combine(stateDir, $"ec-{ExecKey(execId)}.sock");

    private static string ExecKey(string execId)
    {
        var key = execId.Length > 16 ? execId[..16] : execId;
        foreach (var c in key)
            if (!char.IsAsciiLetterOrDigit(c)) throw new ArgumentException($"invalid exec id: {execId}", nameof(execId));
        return key;
    }
}
