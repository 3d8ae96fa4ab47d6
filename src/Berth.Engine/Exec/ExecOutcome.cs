namespace Berth.Engine.Exec;

/// <summary>How a captured exec ended: its exit code (-1 when it timed out and was killed) and its output.</summary>
public sealed record ExecOutcome(int ExitCode, string Output, bool TimedOut);
