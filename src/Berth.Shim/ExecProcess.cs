namespace Berth.Shim;

/// <summary>A running exec as the shim tracks it for <c>resize</c> and <c>kill</c> (guarded by the host's exec lock).</summary>
internal sealed class ExecProcess(int pid, ProcessStdio stdio)
{
    public int Pid { get; } = pid;
    public ProcessStdio Stdio { get; } = stdio;

    /// <summary>Set once the process has been reaped: its pid may belong to someone else from then on.</summary>
    public bool Exited { get; set; }
}
