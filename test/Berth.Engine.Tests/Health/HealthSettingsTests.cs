using Berth.Api;
using Berth.Core;
using Berth.Engine.Health;

namespace Berth.Engine.Tests.Health;

public class HealthSettingsTests
{
    [Fact]
    public void DockersDefaultsFillUnsetFields()
    {
        var settings = HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = ["CMD", "true"] } })!;
        Assert.Equal(["true"], settings.Command);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Equal(TimeSpan.Zero, settings.StartPeriod);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.StartInterval);
        Assert.Equal(3, settings.Retries);
        Assert.Equal(HealthFailureAction.None, settings.OnFailure);
    }

    [Fact]
    public void CmdShellRunsThroughBinShOrTheContainersShell()
    {
        var plain = HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = ["CMD-SHELL", "exit 1"] } })!;
        Assert.Equal(["/bin/sh", "-c", "exit 1"], plain.Command);
        var custom = HealthSettings.From(new ContainerConfig { Shell = ["/bin/ash", "-c"], Healthcheck = new HealthConfig { Test = ["CMD-SHELL", "true"] } })!;
        Assert.Equal(["/bin/ash", "-c", "true"], custom.Command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("NONE")]
    [InlineData("BOGUS")]
    [InlineData("CMD")]
    public void NoProbeWithoutARunnableTest(string? kind)
    {
        var test = kind is null ? null : new List<string> { kind };
        Assert.Null(HealthSettings.From(new ContainerConfig { Healthcheck = new HealthConfig { Test = test } }));
        Assert.Null(HealthSettings.From(new ContainerConfig()));
    }

    [Fact]
    public void OnFailureComesFromTheLabel()
    {
        var config = new ContainerConfig
        {
            Healthcheck = new HealthConfig { Test = ["CMD", "true"] },
            Labels = new() { [HealthFailureActions.Label] = "restart" },
        };
        Assert.Equal(HealthFailureAction.Restart, HealthSettings.From(config)!.OnFailure);
        var error = Assert.Throws<BerthException>(() => HealthFailureActions.Parse("explode"));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("none, kill, restart, stop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinTheStartPeriodAStartingContainerIsProbedEveryStartIntervalUpToItsEnd()
    {
        var settings = new HealthSettings(["true"], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30),
            TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(5), 3, HealthFailureAction.None);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.NextDelay(TimeSpan.Zero, HealthStatus.Starting));
        Assert.Equal(TimeSpan.FromSeconds(2), settings.NextDelay(TimeSpan.FromSeconds(10), HealthStatus.Starting));
        Assert.Equal(TimeSpan.FromSeconds(7), settings.NextDelay(TimeSpan.FromSeconds(5), HealthStatus.Healthy));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.NextDelay(TimeSpan.FromSeconds(12), HealthStatus.Starting));
    }

    [Theory]
    [InlineData(1_000_000, "1ms")]
    [InlineData(30_000_000_000, "30s")]
    [InlineData(60_000_000_000, "1m0s")]
    [InlineData(1_500_000_000, "1.5s")]
    [InlineData(500_000_000, "500ms")]
    [InlineData(3_723_000_000_000, "1h2m3s")]
    public void DurationsPrintAsGoDoes(long nanoseconds, string expected) =>
        Assert.Equal(expected, GoDurationText.Format(TimeSpan.FromTicks(nanoseconds / 100)));
}
