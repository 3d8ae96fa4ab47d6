using Berth.Api;

namespace Berth.Engine.Health;

/// <summary>
/// A container's effective health check: the probe's argv and dockerd's defaults filled in (interval 30 s,
/// timeout 30 s, start period 0, start interval 5 s, retries 3). Null from <see cref="From"/> when there is
/// no probe (no Healthcheck, an empty Test, <c>NONE</c>, or an unknown test type, which dockerd also ignores).
/// </summary>
public sealed record HealthSettings(
    IReadOnlyList<string> Command,
    TimeSpan Interval,
    TimeSpan Timeout,
    TimeSpan StartPeriod,
    TimeSpan StartInterval,
    int Retries,
    HealthFailureAction OnFailure)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultStartInterval = TimeSpan.FromSeconds(5);
    public const int DefaultRetries = 3;

    /// <summary>Docker keeps 4 KiB of a probe's output, then "...".</summary>
    public const int MaxOutputBytes = 4096;

    public static HealthSettings? From(ContainerConfig config)
    {
        var health = config.Healthcheck;
        if (health?.Test is not { Count: > 0 } test) return null;
        IReadOnlyList<string>? command = test[0] switch
        {
            "CMD" when test.Count > 1 => test.Skip(1).ToList(),
            "CMD-SHELL" when test.Count > 1 => [.. ShellOf(config), .. test.Skip(1)],
            _ => null,
        };
        if (command is null) return null;
        return new HealthSettings(
            command,
            OrDefault(health.Interval, DefaultInterval),
            OrDefault(health.Timeout, DefaultTimeout),
            OrDefault(health.StartPeriod, TimeSpan.Zero),
            OrDefault(health.StartInterval, DefaultStartInterval),
            health.Retries is > 0 and var retries ? retries : DefaultRetries,
            HealthFailureActions.FromLabels(config.Labels));
    }

    /// <summary>
    /// The wait before the next probe. Within the start period a container still starting is probed every
    /// StartInterval (else every Interval), and never later than the end of the start period, so a probe runs
    /// as soon as it is over; afterwards every Interval.
    /// </summary>
    public TimeSpan NextDelay(TimeSpan sinceStart, HealthStatus status)
    {
        if (sinceStart >= StartPeriod) return Interval;
        var remaining = StartPeriod - sinceStart;
        var delay = status == HealthStatus.Starting ? StartInterval : Interval;
        return delay < remaining ? delay : remaining;
    }

    /// <summary>CMD-SHELL runs through the container's Shell (from the image's SHELL), else <c>/bin/sh -c</c>.</summary>
    private static IReadOnlyList<string> ShellOf(ContainerConfig config) =>
        config.Shell is { Count: > 0 } shell ? shell : ["/bin/sh", "-c"];

    private static TimeSpan OrDefault(long? nanoseconds, TimeSpan fallback) =>
        nanoseconds is > 0 and var ns ? TimeSpan.FromTicks(ns / 100) : fallback;
}
