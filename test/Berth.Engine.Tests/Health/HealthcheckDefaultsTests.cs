using Berth.Api;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Engine.Containers;
using Berth.Engine.Health;

namespace Berth.Engine.Tests.Health;

public class HealthcheckDefaultsTests
{
    private const long Second = 1_000_000_000;

    private static HealthcheckConfig ImageCheck() => new()
    {
        Test = ["CMD-SHELL", "curl -f localhost"], Interval = 10 * Second, Timeout = 3 * Second,
        StartPeriod = 5 * Second, StartInterval = 2 * Second, Retries = 4,
    };

    [Fact]
    public void NoContainerCheckTakesTheImages()
    {
        var merged = HealthcheckDefaults.Merge(null, ImageCheck())!;
        Assert.Equal(["CMD-SHELL", "curl -f localhost"], merged.Test!);
        Assert.Equal(10 * Second, merged.Interval);
        Assert.Equal(4, merged.Retries);
    }

    [Fact]
    public void ContainerFieldsOverrideTheImagesFieldByField()
    {
        var merged = HealthcheckDefaults.Merge(new HealthConfig { Interval = Second, Retries = 1 }, ImageCheck())!;
        Assert.Equal(["CMD-SHELL", "curl -f localhost"], merged.Test!);
        Assert.Equal(Second, merged.Interval);
        Assert.Equal(3 * Second, merged.Timeout);
        Assert.Equal(5 * Second, merged.StartPeriod);
        Assert.Equal(2 * Second, merged.StartInterval);
        Assert.Equal(1, merged.Retries);
    }

    [Fact]
    public void ContainerTestReplacesTheImagesTest()
    {
        var merged = HealthcheckDefaults.Merge(new HealthConfig { Test = ["CMD", "true"] }, ImageCheck())!;
        Assert.Equal(["CMD", "true"], merged.Test!);
        Assert.Equal(10 * Second, merged.Interval);
    }

    [Fact]
    public void NoHealthcheckDisablesTheImagesCheck()
    {
        var config = new ContainerConfig { Image = "x", Healthcheck = new HealthConfig { Test = ["NONE"] } };
        ContainerImageDefaults.Apply(config, new ImageExecutionConfig { Cmd = ["sh"], Healthcheck = ImageCheck() });
        Assert.Equal(["NONE"], config.Healthcheck!.Test!);
        Assert.Null(HealthSettings.From(config));
    }

    [Fact]
    public void ImageNoneStaysDisabledWhenTheContainerOnlySetsTimings()
    {
        var merged = HealthcheckDefaults.Merge(new HealthConfig { Interval = Second }, new HealthcheckConfig { Test = ["NONE"] })!;
        Assert.Null(HealthSettings.From(new ContainerConfig { Healthcheck = merged }));
    }

    [Fact]
    public void NoImageCheckKeepsTheContainers()
    {
        var own = new HealthConfig { Test = ["CMD", "true"] };
        Assert.Same(own, HealthcheckDefaults.Merge(own, null));
        Assert.Null(HealthcheckDefaults.Merge(null, null));
    }

    [Theory]
    [InlineData("Interval", "Interval in Healthcheck cannot be less than 1ms")]
    [InlineData("Timeout", "Timeout in Healthcheck cannot be less than 1ms")]
    [InlineData("StartPeriod", "StartPeriod in Healthcheck cannot be less than 1ms")]
    [InlineData("StartInterval", "StartInterval in Healthcheck cannot be less than 1ms")]
    public void DurationsBelowOneMillisecondAreRejectedWithDockersText(string field, string message)
    {
        var health = new HealthConfig { Test = ["CMD", "true"] };
        const long tooShort = 999_999;
        switch (field)
        {
            case "Interval": health.Interval = tooShort; break;
            case "Timeout": health.Timeout = tooShort; break;
            case "StartPeriod": health.StartPeriod = tooShort; break;
            default: health.StartInterval = tooShort; break;
        }
        var error = Assert.Throws<BerthException>(() => HealthcheckDefaults.Validate(health));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void NegativeRetriesAreRejectedAndZerosMeanDefaults()
    {
        var error = Assert.Throws<BerthException>(() => HealthcheckDefaults.Validate(new HealthConfig { Retries = -1 }));
        Assert.Equal("Retries in Healthcheck cannot be negative", error.Message);
        HealthcheckDefaults.Validate(new HealthConfig { Interval = 0, Timeout = 0, Retries = 0, StartPeriod = 1_000_000 });
        HealthcheckDefaults.Validate(null);
    }
}
