namespace Berth.Engine.Exec;

/// <summary>
/// Where an exec is in its life. Immutable; <see cref="ExecRecord"/> swaps it. ExitCode is null until the
/// process has ended (or failed to start: 126, or 127 for a missing program, as dockerd).
/// </summary>
public sealed record ExecStatus(bool Started, bool Running, int? ExitCode, int Pid, DateTimeOffset? EndedAt)
{
    public static ExecStatus Created { get; } = new(false, false, null, 0, null);
}
