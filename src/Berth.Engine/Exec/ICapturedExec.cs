namespace Berth.Engine.Exec;

/// <summary>
/// Runs a command inside a running container to its end and captures its combined output: what health
/// checks need (Docker runs them as execs). Implemented by the exec workflow.
/// </summary>
public interface ICapturedExec
{
    /// <param name="maxOutputBytes">Output past this many bytes is dropped (Docker keeps 4 KiB of a probe's output).</param>
    /// <exception cref="Berth.Core.BerthException">Conflict when the container is not running.</exception>
    Task<ExecOutcome> RunCapturedAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken);
}
