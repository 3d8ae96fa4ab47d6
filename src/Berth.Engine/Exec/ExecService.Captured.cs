using System.Text;
using Berth.Core;

namespace Berth.Engine.Exec;

public sealed partial class ExecService : ICapturedExec
{
    private static readonly TimeSpan KilledExitWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs a command like an exec without a terminal, keeping at most <paramref name="maxOutputBytes"/> of its
    /// combined output; past <paramref name="timeout"/> the process is killed (SIGKILL) and the outcome says so.
    /// </summary>
    public async Task<ExecOutcome> RunCapturedAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout,
        int maxOutputBytes, CancellationToken cancellationToken)
    {
        var exec = Create(containerId, new ExecOptions { Cmd = command, AttachStdout = true, AttachStderr = true });
        var output = new MemoryStream();
        var gate = new object();
        RunningExec running;
        try
        {
            running = await StartAsync(exec.Id, null, stdin: false, (_, data) =>
            {
                lock (gate)
                {
                    var room = maxOutputBytes - (int)output.Length;
                    if (room > 0) output.Write(data.Span[..Math.Min(room, data.Length)]);
                }
                return ValueTask.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (BerthException e) when (exec.Status.ExitCode is { } code && e.Kind != ErrorKind.Conflict)
        {
            // The program could not start (not found, not executable): an outcome, not an error.
            return new ExecOutcome(code, e.Message, TimedOut: false);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var exitCode = await running.Exited.WaitAsync(deadline.Token).ConfigureAwait(false);
            return new ExecOutcome(exitCode, Text(output, gate), TimedOut: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var (_, task) = _containers.ExecTarget(exec.ContainerId);
                await task.KillExecAsync(exec.Id, 9, CancellationToken.None).ConfigureAwait(false);
                await running.Exited.WaitAsync(KilledExitWait, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BerthException or TimeoutException)
            {
                // The container went away meanwhile: the probe timed out all the same.
            }
            return new ExecOutcome(-1, Text(output, gate), TimedOut: true);
        }
    }

    private static string Text(MemoryStream output, object gate)
    {
        lock (gate) return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }
}
