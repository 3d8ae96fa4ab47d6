namespace Berth.Engine.Runtime;

/// <summary>A running container's main process, reached through its shim.</summary>
public interface IContainerTask : IAsyncDisposable
{
    string ContainerId { get; }

    /// <summary>Host PID of the container's init process.</summary>
    int Pid { get; }

    /// <summary>Completes when the process has exited and the shim has recorded it.</summary>
    Task<ExitRecord> WaitAsync(CancellationToken cancellationToken);

    /// <summary>Sends a signal to the init process (or to every process in the container with <paramref name="all"/>).</summary>
    Task KillAsync(int signal, bool all, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a further process in the container (<c>runc exec</c> through the shim); returns once it runs.
    /// runc's refusal (for instance <c>exec: "nosuch": executable file not found in $PATH</c>) throws a
    /// BerthException carrying runc's message.
    /// </summary>
    Task<IExecProcess> ExecAsync(TaskExecRequest request, CancellationToken cancellationToken);

    /// <summary>Resizes the terminal of a running exec.</summary>
    Task ResizeExecAsync(string execId, int height, int width, CancellationToken cancellationToken);

    /// <summary>Signals a running exec's process (a no-op once it has ended).</summary>
    Task KillExecAsync(string execId, int signal, CancellationToken cancellationToken);
}
