namespace Berth.Engine.Runtime;

/// <summary>
/// Runs containers through one berth-shim per container. The daemon uses this; the shim itself drives runc.
/// Containers outlive the daemon: after a restart <see cref="ConnectAsync"/> finds them again.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>
    /// Launches the shim, which runs <c>runc create</c> and <c>runc start</c>. Returns once the process runs.
    /// A runc failure (for instance <c>exec: "nosuch": executable file not found in $PATH</c>) throws a
    /// BerthException (InvalidArgument for a bad command, Internal otherwise) carrying runc's message, with
    /// nothing left running.
    /// </summary>
    Task<IContainerTask> StartAsync(TaskStartRequest request, CancellationToken cancellationToken);

    /// <summary>Reconnects to the shim of a container started earlier; null when no shim runs for it.</summary>
    Task<IContainerTask?> ConnectAsync(string containerId, string stateDir, CancellationToken cancellationToken);

    /// <summary>The exit recorded by the shim in <paramref name="stateDir"/>, if the container has exited.</summary>
    ExitRecord? ReadExit(string stateDir);

    /// <summary>Freezes every process of the container (<c>runc pause</c>, the cgroup freezer).</summary>
    Task PauseAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Thaws a paused container (<c>runc resume</c>).</summary>
    Task ResumeAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Changes a live container's cgroup limits (<c>runc update -r -</c>); absent fields stay as they are.</summary>
    Task UpdateAsync(string containerId, Berth.Runtime.Spec.LinuxResources resources, CancellationToken cancellationToken);

    /// <summary>Removes runc's state for the container (<c>runc delete --force</c>) and the state dir.</summary>
    Task DeleteAsync(string containerId, string stateDir, CancellationToken cancellationToken);
}
