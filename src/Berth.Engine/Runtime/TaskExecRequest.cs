namespace Berth.Engine.Runtime;

/// <summary>What the runtime needs to start an exec: its id, the OCI process to run, and its stdio shape.</summary>
/// <param name="Stdin">Keep a stdin for the process (otherwise it reads /dev/null).</param>
public sealed record TaskExecRequest(string ExecId, Berth.Runtime.Spec.Process Process, bool Tty, bool Stdin);
