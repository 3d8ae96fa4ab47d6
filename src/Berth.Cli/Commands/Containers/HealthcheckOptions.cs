using System.CommandLine;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// The health-check flags of create/run: docker's <c>--health-*</c> and <c>--no-healthcheck</c>, and podman's
/// <c>--health-on-failure</c> (a berth extension, docs/health-checks.md).
/// </summary>
public sealed class HealthcheckOptions
{
    public Option<string?> Cmd { get; } = new("--health-cmd") { Description = "Command to run to check health" };
    public Option<string?> Interval { get; } = new("--health-interval") { Description = "Time between running the check (ms|s|m|h) (default 0s)" };
    public Option<string?> Timeout { get; } = new("--health-timeout") { Description = "Maximum time to allow one check to run (ms|s|m|h) (default 0s)" };
    public Option<int?> Retries { get; } = new("--health-retries") { Description = "Consecutive failures needed to report unhealthy" };
    public Option<string?> StartPeriod { get; } = new("--health-start-period") { Description = "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)" };
    public Option<string?> StartInterval { get; } = new("--health-start-interval") { Description = "Time between running the check during the start period (ms|s|m|h) (default 0s)" };
    public Option<bool> NoHealthcheck { get; } = new("--no-healthcheck") { Description = "Disable any container-specified HEALTHCHECK" };
    public Option<string?> OnFailure { get; } = new("--health-on-failure") { Description = "Action to take once the container turns unhealthy: none, kill, restart, stop (berth extension)" };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[Cmd, Interval, Timeout, Retries, StartPeriod, StartInterval, NoHealthcheck, OnFailure])
            command.Add(option);
    }

    public HealthcheckFlagValues Read(ParseResult result) => new()
    {
        Cmd = result.GetValue(Cmd),
        Interval = result.GetValue(Interval),
        Timeout = result.GetValue(Timeout),
        Retries = result.GetValue(Retries),
        StartPeriod = result.GetValue(StartPeriod),
        StartInterval = result.GetValue(StartInterval),
        NoHealthcheck = result.GetValue(NoHealthcheck),
        OnFailure = result.GetValue(OnFailure),
    };
}
