using Berth.Api;
using Berth.Cli.Parsing;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// The health-check flag values and their request form, as docker's CLI builds it: <c>--no-healthcheck</c>
/// sends Test ["NONE"]; any <c>--health-*</c> flag sends a HealthConfig (Test ["CMD-SHELL", cmd] only with
/// <c>--health-cmd</c>, so the image's test stays); durations in nanoseconds.
/// </summary>
public sealed record HealthcheckFlagValues
{
    /// <summary>The label that carries <c>--health-on-failure</c> to the daemon (docs/health-checks.md).</summary>
    public const string OnFailureLabel = "io.berth.health-on-failure";

    private static readonly string[] OnFailureActions = ["none", "kill", "restart", "stop"];

    public string? Cmd { get; init; }
    public string? Interval { get; init; }
    public string? Timeout { get; init; }
    public int? Retries { get; init; }
    public string? StartPeriod { get; init; }
    public string? StartInterval { get; init; }
    public bool NoHealthcheck { get; init; }
    public string? OnFailure { get; init; }

    /// <exception cref="CliUsageException">Docker's texts for conflicting or malformed flags.</exception>
    public HealthConfig? ToHealthConfig()
    {
        var interval = Duration(Interval, "--health-interval");
        var timeout = Duration(Timeout, "--health-timeout");
        var startPeriod = Duration(StartPeriod, "--health-start-period");
        var startInterval = Duration(StartInterval, "--health-start-interval");
        var retries = Retries ?? 0;
        var haveSettings = !string.IsNullOrEmpty(Cmd) || interval != 0 || timeout != 0 || startPeriod != 0 || retries != 0 || startInterval != 0;
        if (NoHealthcheck)
        {
            if (haveSettings) throw new CliUsageException("--no-healthcheck conflicts with --health-* options");
            return new HealthConfig { Test = ["NONE"] };
        }
        if (!haveSettings) return null;
        if (interval < 0) throw new CliUsageException("--health-interval cannot be negative");
        if (timeout < 0) throw new CliUsageException("--health-timeout cannot be negative");
        if (retries < 0) throw new CliUsageException("--health-retries cannot be negative");
        if (startPeriod < 0) throw new CliUsageException("--health-start-period cannot be negative");
        if (startInterval < 0) throw new CliUsageException("--health-start-interval cannot be negative");
        return new HealthConfig
        {
            Test = string.IsNullOrEmpty(Cmd) ? null : ["CMD-SHELL", Cmd],
            Interval = interval,
            Timeout = timeout,
            StartPeriod = startPeriod,
            StartInterval = startInterval,
            Retries = retries,
        };
    }

    /// <summary>Adds the on-failure label when <c>--health-on-failure</c> asks for an action.</summary>
    /// <exception cref="CliUsageException">An action other than none, kill, restart, stop.</exception>
    public void AddOnFailureLabel(Dictionary<string, string> labels)
    {
        if (OnFailure is null) return;
        if (!OnFailureActions.Contains(OnFailure, StringComparer.Ordinal))
            throw new CliUsageException(
                $"invalid on-failure action \"{OnFailure}\" for health check: supported actions are: {string.Join(", ", OnFailureActions)}");
        if (OnFailure != "none") labels[OnFailureLabel] = OnFailure;
    }

    private static long Duration(string? value, string flag)
    {
        if (value is null) return 0;
        if (!GoDuration.TryParse(value, out var duration))
            throw new CliUsageException($"invalid argument \"{value}\" for \"{flag}\" flag: time: invalid duration \"{value}\"");
        return checked(duration.Ticks * 100);
    }

}
