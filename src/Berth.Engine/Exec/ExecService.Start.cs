using Berth.Core;
using Berth.Engine.Runtime;
using Berth.Runtime;
using Microsoft.Extensions.Logging;

namespace Berth.Engine.Exec;

public sealed partial class ExecService
{
    /// <summary>
    /// Starts an exec and returns once its process runs; output goes to <paramref name="output"/> (stream 1
    /// stdout, 2 stderr; streams not attached are dropped). Not running container → Conflict; started before →
    /// Conflict (dockerd's texts). When runc cannot start the process the exec records 127 (missing program)
    /// or 126 and the error reads as dockerd's (<c>OCI runtime exec failed: …: unknown</c>).
    /// </summary>
    /// <param name="stdin">Give the process a stdin the caller writes to (otherwise it reads /dev/null).</param>
    public async Task<RunningExec> StartAsync(string id, ConsoleDimensions? consoleSize, bool stdin,
        Func<int, ReadOnlyMemory<byte>, ValueTask>? output, CancellationToken cancellationToken)
    {
        var exec = Get(id);
        var (container, task) = _containers.ExecTarget(exec.ContainerId);
        if (exec.Status.ExitCode is not null) throw BerthException.Conflict($"exec command {exec.Id} has already run");
        if (!exec.TryUpdate(s => !s.Started, s => s with { Started = true, Running = true }))
            throw BerthException.Conflict($"exec command {exec.Id} is already running");

        IExecProcess process;
        try
        {
            var spec = await BundleWriter.ReadConfigAsync(_paths.BundleDir(container.Id), cancellationToken).ConfigureAwait(false);
            var oci = _builder.Build(spec.Process ?? new Berth.Runtime.Spec.Process(), container, exec.Options,
                _paths.RootfsDir(container.Id), consoleSize ?? exec.Options.ConsoleSize);
            try
            {
                process = await task.ExecAsync(new TaskExecRequest(exec.Id, oci, exec.Options.Tty, stdin && exec.Options.AttachStdin), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (BerthException e) when (e.Kind is ErrorKind.InvalidArgument or ErrorKind.Internal)
            {
                // runc's refusal, worded as dockerd relays containerd's.
                throw new BerthException(e.Kind, $"OCI runtime exec failed: {e.Message}: unknown", e);
            }
        }
        catch (Exception e) when (e is BerthException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            var code = StartFailureExitCode(e.Message);
            exec.Update(s => s with { Running = false, ExitCode = code, EndedAt = _time.GetUtcNow() });
            throw;
        }

        exec.Update(s => s with { Pid = process.Pid });
        var running = new RunningExec(exec, process, Filter(exec.Options, output));
        _ = MonitorAsync(running);
        return running;
    }

    /// <summary><c>POST /exec/{id}/resize</c>: only a running exec with a terminal can be resized.</summary>
    public async Task ResizeAsync(string id, int height, int width, CancellationToken cancellationToken)
    {
        var exec = Get(id);
        if (!exec.Status.Running) throw BerthException.Conflict($"Exec {exec.Id} is not running, so it can not be resized.");
        if (!exec.Options.Tty) throw BerthException.Invalid($"Exec {exec.Id} has no TTY");
        var (_, task) = _containers.ExecTarget(exec.ContainerId);
        await task.ResizeExecAsync(exec.Id, height, width, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>dockerd: 127 when the program does not exist, 126 for every other start failure.</summary>
    public static int StartFailureExitCode(string message) =>
        message.Contains("executable file not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase)
            ? 127
            : 126;

    private static Func<int, ReadOnlyMemory<byte>, ValueTask>? Filter(ExecOptions options, Func<int, ReadOnlyMemory<byte>, ValueTask>? output)
    {
        if (output is null || (!options.AttachStdout && !options.AttachStderr)) return null;
        if (options.AttachStdout && options.AttachStderr) return output;
        return (stream, data) => (stream == 1 ? options.AttachStdout : options.AttachStderr) ? output(stream, data) : ValueTask.CompletedTask;
    }

    /// <summary>Pumps the exec's output to its end, then records the exit code (outside any request).</summary>
    private async Task MonitorAsync(RunningExec running)
    {
        int? code = null;
        try
        {
            code = await running.PumpAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Text.Json.JsonException)
        {
            LogPumpFailed(_logger, running.Record.Id, e.Message);
        }
        // The shim answers every exec with an exit frame; without one the shim died with the container.
        var exitCode = code ?? 255;
        running.Record.Update(s => s with { Running = false, ExitCode = exitCode, EndedAt = _time.GetUtcNow() });
        await running.DisposeProcessAsync().ConfigureAwait(false);
        running.Complete(exitCode);
    }
}
