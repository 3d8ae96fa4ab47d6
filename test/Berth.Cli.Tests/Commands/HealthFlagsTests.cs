using Berth.Api;
using Berth.Cli.Commands.Containers;

namespace Berth.Cli.Tests.Commands;

/// <summary>The health-check flags of <c>berth run</c> → the Healthcheck docker's CLI would send.</summary>
public sealed class HealthFlagsTests
{
    private static ContainerRunSettings Read(string[] args)
    {
        var context = CliTestContext.Create();
        var root = BerthCommandLine.Build(context);
        var result = root.Parse(ArgumentNormalizer.Normalize(root, args));
        Assert.Empty(result.Errors);
        var run = Assert.IsType<RunCommand>(result.CommandResult.Command);
        return run.CreateOptions.Read(result, result.GetValue(run.Detach));
    }

    private static ContainerCreateRequest Build(params string[] args)
    {
        var context = CliTestContext.Create();
        return ContainerRequestBuilder.Build(Read(args), context.Environment, context.ReadAllLines);
    }

    [Fact]
    public void HealthFlagsBecomeACmdShellCheckInNanoseconds()
    {
        var request = Build("run", "-d", "--health-cmd", "wget -q localhost || exit 1", "--health-interval", "1s",
            "--health-timeout", "500ms", "--health-retries", "2", "--health-start-period", "1m", "--health-start-interval", "2s", "busybox");
        var health = request.Healthcheck!;
        Assert.Equal(["CMD-SHELL", "wget -q localhost || exit 1"], health.Test!);
        Assert.Equal(1_000_000_000, health.Interval);
        Assert.Equal(500_000_000, health.Timeout);
        Assert.Equal(2, health.Retries);
        Assert.Equal(60_000_000_000, health.StartPeriod);
        Assert.Equal(2_000_000_000, health.StartInterval);
    }

    [Fact]
    public void TimingsWithoutACommandKeepTheImagesTest()
    {
        var health = Build("run", "--health-interval", "5s", "busybox").Healthcheck!;
        Assert.Null(health.Test);
        Assert.Equal(5_000_000_000, health.Interval);
        Assert.Null(Build("run", "busybox").Healthcheck);
    }

    [Fact]
    public void NoHealthcheckSendsNoneAndConflictsWithHealthFlags()
    {
        Assert.Equal(["NONE"], Build("run", "--no-healthcheck", "busybox").Healthcheck!.Test!);
        var error = Assert.Throws<CliUsageException>(() => Build("run", "--no-healthcheck", "--health-cmd", "true", "busybox"));
        Assert.Equal("--no-healthcheck conflicts with --health-* options", error.Message);
    }

    [Fact]
    public void BadDurationsAndNegativeValuesAreRejectedWithDockersTexts()
    {
        var bad = Assert.Throws<CliUsageException>(() => Build("run", "--health-interval", "soon", "busybox"));
        Assert.Equal("invalid argument \"soon\" for \"--health-interval\" flag: time: invalid duration \"soon\"", bad.Message);
        var negative = Assert.Throws<CliUsageException>(() => Build("run", "--health-timeout=-1s", "busybox"));
        Assert.Equal("--health-timeout cannot be negative", negative.Message);
    }

    [Fact]
    public void HealthOnFailureTravelsAsALabel()
    {
        var request = Build("run", "--health-cmd", "true", "--health-on-failure", "kill", "busybox");
        Assert.Equal("kill", request.Labels![HealthcheckFlagValues.OnFailureLabel]);
        Assert.False(Build("run", "--health-on-failure", "none", "busybox").Labels!.ContainsKey(HealthcheckFlagValues.OnFailureLabel));
        var error = Assert.Throws<CliUsageException>(() => Build("run", "--health-on-failure", "explode", "busybox"));
        Assert.Contains("supported actions are: none, kill, restart, stop", error.Message, StringComparison.Ordinal);
    }
}
