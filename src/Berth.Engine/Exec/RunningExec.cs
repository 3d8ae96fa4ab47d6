using Berth.Engine.Runtime;

namespace Berth.Engine.Exec;

/// <summary>
/// A started exec: its output goes to the sink given at start until <see cref="DetachOutput"/> (detach keys, a
/// client that went away); after that it is still drained so the process never blocks. <see cref="Exited"/>
/// completes once the exit code is recorded on the <see cref="ExecRecord"/>.
/// </summary>
public sealed class RunningExec
{
    private readonly IExecProcess _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<int, ReadOnlyMemory<byte>, ValueTask>? _output;

    internal RunningExec(ExecRecord record, IExecProcess process, Func<int, ReadOnlyMemory<byte>, ValueTask>? output)
    {
        Record = record;
        _process = process;
        _output = output;
    }

    public ExecRecord Record { get; }

    public int Pid => _process.Pid;

    /// <summary>The exit code, once recorded.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Stops handing output to the sink; the process keeps running.</summary>
    public void DetachOutput() => Volatile.Write(ref _output, null);

    /// <exception cref="IOException">The process (or its shim) is gone.</exception>
    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        _process.WriteInputAsync(data, cancellationToken);

    public void CloseInput() => _process.CloseInput();

    internal Task<int?> PumpAsync() => _process.PumpAsync(RelayAsync, CancellationToken.None);

    internal ValueTask DisposeProcessAsync() => _process.DisposeAsync();

    internal void Complete(int exitCode) => _exited.TrySetResult(exitCode);

    private async ValueTask RelayAsync(int stream, ReadOnlyMemory<byte> data)
    {
        if (Volatile.Read(ref _output) is not { } sink) return;
        try
        {
            await sink(stream, data).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away: keep draining without it.
            DetachOutput();
        }
    }
}
