using Berth.Engine.Events;
using System.Text;
using Berth.Api;
using Berth.Core;
using Berth.Core.Oci;
using Berth.Core.Storage;
using Berth.Engine.Health;

namespace Berth.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>docker create</c>: resolves the image, applies its defaults to the config (Docker's merge rules),
    /// reserves the name, prepares the writable layer and stores the record.
    /// </summary>
    public Task<ContainerRecord> CreateAsync(string? name, ContainerConfig config, HostConfig hostConfig, CancellationToken cancellationToken) =>
        CreateAsync(name, config, hostConfig, null, cancellationToken);

    /// <param name="endpointsConfig">The networks to join (<c>NetworkingConfig.EndpointsConfig</c>: aliases, <c>--ip</c>).</param>
    public async Task<ContainerRecord> CreateAsync(string? name, ContainerConfig config, HostConfig hostConfig,
        Dictionary<string, EndpointSettings>? endpointsConfig, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(config.Image))
            throw BerthException.Invalid("No image specified");
        Networking.ContainerNetworkModeChecks.Validate(config, hostConfig);
        var image = _images.Get(config.Image);
        ContainerImageDefaults.Apply(config, image.Config.Config);
        var entrypoint = config.Entrypoint ?? [];
        var cmd = config.Cmd ?? [];
        var argv = entrypoint.Concat(cmd).ToList();
        if (argv.Count == 0)
            throw BerthException.Invalid("No command specified");
        ContainerResourceChecks.Validate(hostConfig);
        HealthcheckDefaults.Validate(config.Healthcheck);
        _ = HealthFailureActions.FromLabels(config.Labels); // a bad --health-on-failure fails the create

        var id = ContainerNames.NewId();
        config.Hostname = string.IsNullOrEmpty(config.Hostname) ? id[..12] : config.Hostname;

        await _nameLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var finalName = name is { Length: > 0 } ? ContainerNames.Validate(name) : UniqueRandomName();
            if (_store.View.ByName(finalName) is { } existing)
                throw BerthException.Conflict(
                    $"Conflict. The container name \"/{finalName}\" is already in use by container \"{existing.Id}\". You have to remove (or rename) that container to be able to reuse that name.");

            var mounts = await _mounts.PlanAsync(config, hostConfig, Get, cancellationToken).ConfigureAwait(false);
            var record = new ContainerRecord
            {
                Id = id,
                Name = finalName,
                Created = _time.GetUtcNow(),
                ImageId = image.Id.ToString(),
                ImageName = config.Image,
                Config = config,
                HostConfig = hostConfig,
                Path = argv[0],
                Args = argv.Skip(1).ToList(),
                Mounts = mounts,
                EndpointsConfig = endpointsConfig is { Count: > 0 } ? endpointsConfig : null,
            };
            await _images.PrepareContainerLayerAsync(id, image, cancellationToken).ConfigureAwait(false);
            await WriteRuntimeFilesAsync(record, cancellationToken).ConfigureAwait(false);
            await _store.SaveAsync(record, cancellationToken).ConfigureAwait(false);
            _events.PublishContainerEvent(record, ContainerEvents.Create);
            return record;
        }
        finally
        {
            _nameLock.Release();
        }
    }

    private string UniqueRandomName()
    {
        for (var i = 0; i < 50; i++)
        {
            var candidate = ContainerNames.Random();
            if (_store.View.ByName(candidate) is null) return candidate;
        }
        return $"{ContainerNames.Random()}_{ContainerNames.NewId()[..6]}";
    }

    /// <summary>The empty log file (so an attach before start can open it) and /etc/hostname, /etc/hosts.</summary>
    private async Task WriteRuntimeFilesAsync(ContainerRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_paths.RecordDir(record.Id));
        await using (File.Create(_paths.LogFile(record.Id))) { }
        var hostname = record.Config.Hostname ?? record.ShortId;
        await AtomicFile.WriteAllBytesAsync(_paths.HostnameFile(record.Id), Encoding.UTF8.GetBytes(hostname + "\n"), cancellationToken).ConfigureAwait(false);
        var hosts = $"127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t{hostname}\n";
        await AtomicFile.WriteAllBytesAsync(_paths.HostsFile(record.Id), Encoding.UTF8.GetBytes(hosts), cancellationToken).ConfigureAwait(false);
        // Loopback-only network until networking lands (issue #6): the host's resolv.conf is harmless.
        var resolv = File.Exists("/etc/resolv.conf") ? await File.ReadAllBytesAsync("/etc/resolv.conf", cancellationToken).ConfigureAwait(false) : [];
        await AtomicFile.WriteAllBytesAsync(_paths.ResolvConfFile(record.Id), resolv, cancellationToken).ConfigureAwait(false);
    }
}
