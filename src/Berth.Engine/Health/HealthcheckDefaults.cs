using Berth.Api;
using Berth.Core;
using Berth.Core.Oci;

namespace Berth.Engine.Health;

/// <summary>
/// The container's Healthcheck at create, as dockerd builds it: the image's HEALTHCHECK fills every field the
/// container left unset (per field; an empty Test takes the image's), so <c>NONE</c> from either side
/// disables it; then dockerd's validation with its texts.
/// </summary>
public static class HealthcheckDefaults
{
    /// <summary>Durations below this (other than 0, "use the default") are rejected, as by dockerd.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(1);

    public static HealthConfig? Merge(HealthConfig? container, HealthcheckConfig? image)
    {
        if (image is null) return container;
        if (container is null)
        {
            return new HealthConfig
            {
                Test = image.Test is null ? null : [.. image.Test],
                Interval = image.Interval, Timeout = image.Timeout, StartPeriod = image.StartPeriod,
                StartInterval = image.StartInterval, Retries = image.Retries,
            };
        }
        if (container.Test is not { Count: > 0 }) container.Test = image.Test is null ? null : [.. image.Test];
        if (container.Interval is null or 0) container.Interval = image.Interval;
        if (container.Timeout is null or 0) container.Timeout = image.Timeout;
        if (container.StartPeriod is null or 0) container.StartPeriod = image.StartPeriod;
        if (container.StartInterval is null or 0) container.StartInterval = image.StartInterval;
        if (container.Retries is null or 0) container.Retries = image.Retries;
        return container;
    }

    /// <exception cref="BerthException">InvalidArgument with dockerd's text.</exception>
    public static void Validate(HealthConfig? health)
    {
        if (health is null) return;
        CheckDuration(health.Interval, "Interval");
        CheckDuration(health.Timeout, "Timeout");
        if (health.Retries < 0) throw BerthException.Invalid("Retries in Healthcheck cannot be negative");
        CheckDuration(health.StartPeriod, "StartPeriod");
        CheckDuration(health.StartInterval, "StartInterval");
    }

    private static void CheckDuration(long? nanoseconds, string field)
    {
        if (nanoseconds is { } ns && ns != 0 && ns < MinimumDuration.Ticks * 100)
            throw BerthException.Invalid($"{field} in Healthcheck cannot be less than {GoDurationText.Format(MinimumDuration)}");
    }
}
