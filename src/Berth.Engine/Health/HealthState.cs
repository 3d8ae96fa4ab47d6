namespace Berth.Engine.Health;

/// <summary>
/// A container's health (<c>State.Health</c>), persisted with its record. Immutable; the transitions follow
/// dockerd: a successful probe makes it healthy and clears the streak; a failure counts unless the container
/// is still starting within its start period; <c>Retries</c> failures in a row make it unhealthy. The log keeps
/// the last <see cref="MaxLogEntries"/> results.
/// </summary>
public sealed record HealthState
{
    public const int MaxLogEntries = 5;

    public HealthStatus Status { get; init; } = HealthStatus.Starting;
    public int FailingStreak { get; init; }
    public IReadOnlyList<HealthProbeResult> Log { get; init; } = [];

    /// <summary>(Re)started, restarted or restored: starting again with no streak; the log is kept (as dockerd).</summary>
    public static HealthState StartingFrom(HealthState? previous) =>
        (previous ?? new HealthState()) with { Status = HealthStatus.Starting, FailingStreak = 0 };

    /// <summary>
    /// The monitor stopped (the container stopped or was paused): dockerd reports such a container unhealthy
    /// "for compatibility reasons" until probes run again.
    /// </summary>
    public HealthState MonitorStopped() => this with { Status = HealthStatus.Unhealthy };

    /// <summary>Applies one probe result for a run that started at <paramref name="runStartedAt"/>.</summary>
    public HealthState Record(HealthProbeResult result, HealthSettings settings, DateTimeOffset runStartedAt)
    {
        var log = Log.Count >= MaxLogEntries ? Log.Skip(Log.Count + 1 - MaxLogEntries).ToList() : Log.ToList();
        log.Add(result);
        if (result.ExitCode == 0)
            return this with { Status = HealthStatus.Healthy, FailingStreak = 0, Log = log };

        var withinStartPeriod = Status == HealthStatus.Starting && result.Start - runStartedAt < settings.StartPeriod;
        if (withinStartPeriod)
            return this with { Log = log };
        var streak = FailingStreak + 1;
        return this with
        {
            FailingStreak = streak,
            Status = streak >= settings.Retries ? HealthStatus.Unhealthy : Status,
            Log = log,
        };
    }

    /// <summary>What <c>ps</c> shows in parentheses after "Up …": <c>health: starting</c>, <c>healthy</c>, <c>unhealthy</c>.</summary>
    public string Describe() => Status == HealthStatus.Starting ? "health: starting" : StatusName(Status);

    /// <summary>The wire and filter spelling: <c>starting</c>, <c>healthy</c>, <c>unhealthy</c>.</summary>
    public static string StatusName(HealthStatus status) => status.ToString().ToLowerInvariant();
}
