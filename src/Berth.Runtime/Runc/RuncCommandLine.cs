using System.Globalization;

namespace Berth.Runtime.Runc;

/// <summary>
/// runc argv for each verb, in one place: <see cref="RuncRuntime"/> runs them through the command runner,
/// berth-shim spawns them itself (it owns the container's stdio and reaps every child).
/// Global options go before the verb: <c>runc --root R [--log L --log-format json] verb …</c>.
/// </summary>
public sealed class RuncCommandLine
{
    public RuncCommandLine(string runcPath, string root)
    {
        RuncPath = runcPath;
        Root = root;
    }

    public string RuncPath { get; }

    /// <summary>runc's state directory (<c>--root</c>); berth uses <c>&lt;exec-root&gt;/runc</c>.</summary>
    public string Root { get; }

    public IReadOnlyList<string> Create(string id, string bundleDir, string pidFile, string? consoleSocket, string? logFile)
    {
        var args = Global(logFile);
        args.AddRange(["create", "--bundle", bundleDir, "--pid-file", pidFile]);
        if (consoleSocket is not null) args.AddRange(["--console-socket", consoleSocket]);
        args.Add(id);
        return args;
    }

    public IReadOnlyList<string> Start(string id, string? logFile = null) => Verb(logFile, "start", id);

    /// <summary>
    /// <c>runc exec --process P --detach --pid-file F [--console-socket S] id</c>: starts the process described by
    /// an OCI process JSON and returns once it runs; with a terminal runc sends the pty master to the console socket.
    /// </summary>
    public IReadOnlyList<string> Exec(string id, string processFile, string pidFile, string? consoleSocket, string? logFile)
    {
        var args = Global(logFile);
        args.AddRange(["exec", "--process", processFile, "--detach", "--pid-file", pidFile]);
        if (consoleSocket is not null) args.AddRange(["--console-socket", consoleSocket]);
        args.Add(id);
        return args;
    }

    public IReadOnlyList<string> Kill(string id, int signal, bool all, string? logFile = null)
    {
        var args = Global(logFile);
        args.Add("kill");
        if (all) args.Add("--all");
        args.Add(id);
        args.Add(signal.ToString(CultureInfo.InvariantCulture));
        return args;
    }

    public IReadOnlyList<string> Delete(string id, bool force, string? logFile = null) =>
        force ? Verb(logFile, "delete", "--force", id) : Verb(logFile, "delete", id);

    public IReadOnlyList<string> State(string id) => Verb(null, "state", id);

    public IReadOnlyList<string> Pause(string id) => Verb(null, "pause", id);

    public IReadOnlyList<string> Resume(string id) => Verb(null, "resume", id);

    /// <summary><c>runc update --resources -</c>: the new LinuxResources JSON is read from stdin.</summary>
    public IReadOnlyList<string> Update(string id) => Verb(null, "update", "--resources", "-", id);

    private List<string> Verb(string? logFile, params string[] rest)
    {
        var args = Global(logFile);
        args.AddRange(rest);
        return args;
    }

    private List<string> Global(string? logFile)
    {
        var args = new List<string> { "--root", Root };
        if (logFile is not null) args.AddRange(["--log", logFile, "--log-format", "json"]);
        return args;
    }
}
