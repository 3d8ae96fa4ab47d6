using Berth.Engine.Health;
using Berth.Engine.Runtime;

namespace Berth.Engine.Containers;

/// <summary>
/// A container's run state. Immutable; every transition returns a new value, and transitions live here only,
/// so the rules (what may follow what) are in one place.
/// </summary>
public sealed record ContainerState
{
    public ContainerStatus Status { get; init; } = ContainerStatus.Created;
    public int Pid { get; init; }
    public int ExitCode { get; init; }
    public bool OomKilled { get; init; }
    public string Error { get; init; } = "";
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Set once a container with a health check has started (docs/health-checks.md); kept after it stops.</summary>
    public HealthState? Health { get; init; }

    public bool IsRunning => Status is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Restarting;

    public static ContainerState New() => new();

    public ContainerState Started(int pid, DateTimeOffset at) =>
        this with { Status = ContainerStatus.Running, Pid = pid, ExitCode = 0, OomKilled = false, Error = "", StartedAt = at, FinishedAt = null };

    public ContainerState Exited(ExitRecord exit) =>
        this with { Status = ContainerStatus.Exited, Pid = 0, ExitCode = exit.ExitCode, OomKilled = exit.OomKilled, FinishedAt = exit.ExitedAt };

    /// <summary>A start that failed before the process ran: Docker keeps the old status and records the error (exit 127/126/128).
    /// A restart that fails to start leaves the container exited.</summary>
    public ContainerState StartFailed(string error, int exitCode, DateTimeOffset at) =>
        this with { Status = Status == ContainerStatus.Restarting ? ContainerStatus.Exited : Status, Pid = 0, ExitCode = exitCode, Error = error, FinishedAt = Status == ContainerStatus.Created ? FinishedAt : at };

    /// <summary>After an exit, waiting for the restart policy's delay; exit code and time stay those of the exit.</summary>
    public ContainerState Restarting() => this with { Status = ContainerStatus.Restarting, Pid = 0 };

    /// <summary>A pending restart was cancelled (stop, kill, rm -f, daemon start): back to exited.</summary>
    public ContainerState RestartCancelled() =>
        Status == ContainerStatus.Restarting ? this with { Status = ContainerStatus.Exited } : this;

    /// <summary>Frozen by <c>docker pause</c>; only a running container can be paused.</summary>
    public ContainerState Paused() => this with { Status = ContainerStatus.Paused };

    /// <summary>Thawed by <c>docker unpause</c> (or by a stop/kill of a paused container).</summary>
    public ContainerState Unpaused() => this with { Status = ContainerStatus.Running };

    public ContainerState Removing() => this with { Status = ContainerStatus.Removing };

    /// <summary>Docker's <c>ps</c> STATUS column: "Up 3 seconds", "Exited (0) 5 minutes ago", "Created".</summary>
    public string Describe(DateTimeOffset now) => Status switch
    {
        ContainerStatus.Running when Health is { } health => $"Up {HumanDuration.Format(now - (StartedAt ?? now))} ({health.Describe()})",
        ContainerStatus.Running => $"Up {HumanDuration.Format(now - (StartedAt ?? now))}",
        ContainerStatus.Paused => $"Up {HumanDuration.Format(now - (StartedAt ?? now))} (Paused)",
        ContainerStatus.Restarting => $"Restarting ({ExitCode}) {HumanDuration.Format(now - (FinishedAt ?? now))} ago",
        ContainerStatus.Exited => $"Exited ({ExitCode}) {HumanDuration.Format(now - (FinishedAt ?? now))} ago",
        ContainerStatus.Removing => "Removal In Progress",
        ContainerStatus.Dead => "Dead",
        _ => "Created",
    };
}
