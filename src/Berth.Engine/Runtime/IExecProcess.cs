namespace Berth.Engine.Runtime;

/// <summary>A process started by <see cref="IContainerTask.ExecAsync"/>: its output, its stdin, and how it ended.</summary>
public interface IExecProcess : IAsyncDisposable
{
    /// <summary>Host PID of the process.</summary>
    int Pid { get; }

    /// <summary>
    /// Hands output to <paramref name="output"/> (stream 1 stdout, 2 stderr; a terminal only has stdout) until the
    /// process has ended; returns its exit code (128+N for signal N), or null when the shim went away first.
    /// Call once.
    /// </summary>
    Task<int?> PumpAsync(Func<int, ReadOnlyMemory<byte>, ValueTask> output, CancellationToken cancellationToken);

    ValueTask WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Stdin EOF (a pipe is closed; a terminal is left open, as Docker does).</summary>
    void CloseInput();
}
