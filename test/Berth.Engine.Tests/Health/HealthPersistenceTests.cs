using Berth.Api;
using Berth.Engine.Containers;
using Berth.Engine.Health;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berth.Engine.Tests.Health;

/// <summary>State.Health is part of the container record on disk, and ps's status shows it.</summary>
public sealed class HealthPersistenceTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("berth-health-").FullName;

    private static ContainerRecord Record(HealthState? health) => new()
    {
        Id = ContainerNames.NewId(),
        Name = "hc",
        Created = Started,
        ImageId = "sha256:" + new string('a', 64),
        ImageName = "busybox",
        Config = new ContainerConfig { Image = "busybox", Cmd = ["sleep", "9"], Healthcheck = new HealthConfig { Test = ["CMD", "true"] } },
        HostConfig = new HostConfig(),
        Path = "sleep",
        Args = ["9"],
        State = Berth.Engine.Containers.ContainerState.New().Started(42, Started) with { Health = health },
    };

    [Fact]
    public async Task HealthSurvivesReopeningTheStore()
    {
        var settings = HealthSettings.From(Record(null).Config)!;
        var health = HealthState.StartingFrom(null)
            .Record(new HealthProbeResult(Started.AddSeconds(30), Started.AddSeconds(30.5), 1, "no"), settings, Started)
            .Record(new HealthProbeResult(Started.AddSeconds(60), Started.AddSeconds(60.5), 0, "ok\n"), settings, Started);
        var paths = new ContainerPaths(Path.Combine(_root, "data"), Path.Combine(_root, "exec"));
        var record = Record(health);
        await FileContainerStore.Open(paths, NullLogger.Instance).SaveAsync(record, CancellationToken.None);

        var reopened = FileContainerStore.Open(paths, NullLogger.Instance).View.Get(record.Id).State.Health!;
        Assert.Equal(HealthStatus.Healthy, reopened.Status);
        Assert.Equal(0, reopened.FailingStreak);
        Assert.Equal(health.Log, reopened.Log);
    }

    [Fact]
    public void PsShowsTheHealthAfterUp()
    {
        var now = Started.AddSeconds(3);
        Assert.Equal("Up 3 seconds (health: starting)", Record(HealthState.StartingFrom(null)).State.Describe(now));
        Assert.Equal("Up 3 seconds (unhealthy)", Record(HealthState.StartingFrom(null).MonitorStopped()).State.Describe(now));
        Assert.Equal("Up 3 seconds", Record(null).State.Describe(now));
        Assert.Equal("Up 3 seconds (Paused)", (Record(HealthState.StartingFrom(null)).State.Paused()).Describe(now));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
