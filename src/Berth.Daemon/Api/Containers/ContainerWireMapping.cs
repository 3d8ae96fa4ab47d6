using Berth.Api;
using Berth.Engine.Containers;
using Berth.Engine.Health;
using Berth.Engine.Images;
using EngineState = Berth.Engine.Containers.ContainerState;
using WireState = Berth.Api.ContainerState;

namespace Berth.Daemon.Api.Containers;

/// <summary>Engine container records → Engine API wire shapes (the only place responses are shaped).</summary>
public static class ContainerWireMapping
{
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary>The config part of a create request, as a plain ContainerConfig (the record keeps this).</summary>
    public static ContainerConfig ConfigOf(ContainerCreateRequest request) => new()
    {
        Hostname = request.Hostname, Domainname = request.Domainname, User = request.User,
        AttachStdin = request.AttachStdin, AttachStdout = request.AttachStdout, AttachStderr = request.AttachStderr,
        ExposedPorts = request.ExposedPorts, Tty = request.Tty, OpenStdin = request.OpenStdin, StdinOnce = request.StdinOnce,
        Env = request.Env, Cmd = request.Cmd, Healthcheck = request.Healthcheck, ArgsEscaped = request.ArgsEscaped,
        Image = request.Image, Volumes = request.Volumes, WorkingDir = request.WorkingDir, Entrypoint = request.Entrypoint,
        NetworkDisabled = request.NetworkDisabled, OnBuild = request.OnBuild, Labels = request.Labels,
        StopSignal = request.StopSignal, StopTimeout = request.StopTimeout, Shell = request.Shell,
    };

    public static ContainerSummary ToSummary(ContainerRecord record, IImageService images, bool withSize, DateTimeOffset now) => new()
    {
        Id = record.Id,
        Names = ["/" + record.Name],
        Image = DisplayImage(record, images),
        ImageId = record.ImageId,
        Command = string.Join(' ', new[] { record.Path }.Concat(record.Args)),
        Created = record.Created.ToUnixTimeSeconds(),
        Ports = ContainerNetworkWire.PortSummaries(record),
        SizeRw = withSize ? images.ContainerLayerSize(record.Id) : null,
        SizeRootFs = withSize ? images.ContainerLayerSize(record.Id) + (images.TryGet(record.ImageId)?.Size ?? 0) : null,
        Labels = record.Config.Labels ?? [],
        State = StatusName(record.State.Status),
        Status = record.State.Describe(now),
        HostConfig = new ContainerSummaryHostConfig { NetworkMode = record.HostConfig.NetworkMode ?? "default" },
        NetworkSettings = new ContainerSummaryNetworkSettings { Networks = ContainerNetworkWire.Endpoints(record) },
        Mounts = record.Mounts.Select(ToWire).ToList(),
    };

    public static ContainerInspectResponse ToInspect(ContainerRecord record, ContainerPaths paths, IImageService images, bool withSize) => new()
    {
        Id = record.Id,
        Created = Rfc3339(record.Created),
        Path = record.Path,
        Args = record.Args,
        State = ToWire(record.State),
        Image = record.ImageId,
        ResolvConfPath = paths.ResolvConfFile(record.Network?.NetworkContainerId ?? record.Id),
        HostnamePath = paths.HostnameFile(record.Network?.NetworkContainerId ?? record.Id),
        HostsPath = paths.HostsFile(record.Network?.NetworkContainerId ?? record.Id),
        LogPath = paths.LogFile(record.Id),
        Name = "/" + record.Name,
        RestartCount = record.RestartCount,
        Driver = "overlay2",
        Platform = "linux",
        MountLabel = "",
        ProcessLabel = "",
        AppArmorProfile = "",
        ExecIds = null,
        HostConfig = record.HostConfig,
        GraphDriver = new DriverData { Name = "overlay2", Data = [] },
        SizeRw = withSize ? images.ContainerLayerSize(record.Id) : null,
        SizeRootFs = withSize ? images.ContainerLayerSize(record.Id) + (images.TryGet(record.ImageId)?.Size ?? 0) : null,
        Mounts = record.Mounts.Select(ToWire).ToList(),
        Config = record.Config,
        NetworkSettings = ContainerNetworkWire.Settings(record),
    };

    /// <summary>A planned mount as inspect shows it (dockerd's MountPoint: volumes with Name and Driver, tmpfs without Source).</summary>
    public static MountPoint ToWire(ContainerMount mount) => new()
    {
        Type = mount.Type,
        Name = mount.Name,
        Source = mount.Source,
        Destination = mount.Destination,
        Driver = mount.Type == ContainerMount.Volume ? "local" : null,
        Mode = mount.Mode,
        Rw = !mount.ReadOnly,
        Propagation = mount.Type == ContainerMount.Bind ? mount.Propagation : "",
    };

    public static WireState ToWire(EngineState state) => new()
    {
        Status = StatusName(state.Status),
        Running = state.Status is ContainerStatus.Running or ContainerStatus.Paused,
        Paused = state.Status == ContainerStatus.Paused,
        Restarting = state.Status == ContainerStatus.Restarting,
        OomKilled = state.OomKilled,
        Dead = state.Status == ContainerStatus.Dead,
        Pid = state.Pid,
        ExitCode = state.ExitCode,
        Error = state.Error,
        StartedAt = state.StartedAt is { } s ? Rfc3339(s) : ZeroTime,
        FinishedAt = state.FinishedAt is { } f ? Rfc3339(f) : ZeroTime,
        Health = state.Health is { } health ? ToWire(health) : null,
    };

    public static Health ToWire(HealthState health) => new()
    {
        Status = HealthState.StatusName(health.Status),
        FailingStreak = health.FailingStreak,
        Log = health.Log.Select(r => new HealthcheckResult
        {
            Start = Rfc3339(r.Start), End = Rfc3339(r.End), ExitCode = r.ExitCode, Output = r.Output,
        }).ToList(),
    };

    public static string StatusName(ContainerStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>ps shows the name the user gave while it still names the same image, else the short image ID.</summary>
    private static string DisplayImage(ContainerRecord record, IImageService images)
    {
        var current = images.TryGet(record.ImageName);
        if (current is not null && current.Id.ToString() == record.ImageId) return record.ImageName;
        return record.ImageDigest.Short;
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
