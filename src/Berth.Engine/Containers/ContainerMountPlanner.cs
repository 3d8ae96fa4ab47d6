using Berth.Api;
using Berth.Core;
using Berth.Engine.Volumes;

namespace Berth.Engine.Containers;

/// <summary>
/// Turns a create request's mounts into <see cref="ContainerMount"/>s with dockerd's rules: <c>Binds</c>
/// (<c>/host:/ctr[:opts]</c> binds, <c>name:/ctr</c> named volumes made on demand), <c>Mounts</c> (bind, volume,
/// tmpfs), <c>Tmpfs</c>, <c>VolumesFrom</c>, then an anonymous volume for every VOLUME of the config and image
/// not already covered. A destination appears once; bad specifications are InvalidArgument with dockerd's texts.
/// </summary>
public sealed class ContainerMountPlanner(VolumeService volumes)
{
    private static readonly string[] Propagations = ["private", "rprivate", "shared", "rshared", "slave", "rslave"];

    public async Task<IReadOnlyList<ContainerMount>> PlanAsync(ContainerConfig config, HostConfig host,
        Func<string, ContainerRecord> containerByName, CancellationToken cancellationToken)
    {
        var planned = new List<ContainerMount>();
        void Add(ContainerMount mount)
        {
            if (planned.Any(m => m.Destination == mount.Destination))
                throw BerthException.Invalid($"Duplicate mount point: {mount.Destination}");
            planned.Add(mount);
        }

        foreach (var bind in host.Binds ?? []) Add(await FromBindAsync(bind, cancellationToken).ConfigureAwait(false));
        foreach (var mount in host.Mounts ?? []) Add(await FromMountAsync(mount, cancellationToken).ConfigureAwait(false));
        foreach (var (target, options) in host.Tmpfs ?? [])
        {
            Add(new ContainerMount
            {
                Type = ContainerMount.Tmpfs, Source = "", Destination = Destination(target, $"{target}:{options}"),
                TmpfsOptions = options.Split(',', StringSplitOptions.RemoveEmptyEntries),
            });
        }
        foreach (var spec in host.VolumesFrom ?? [])
        {
            var (name, mode) = spec.Split(':') switch
            {
                [var n] => (n, ""),
                [var n, var m] when m is "ro" or "rw" => (n, m),
                _ => throw BerthException.Invalid($"invalid mode for volumes-from: {spec}"),
            };
            foreach (var inherited in containerByName(name).Mounts)
            {
                if (planned.Any(m => m.Destination == inherited.Destination)) continue;
                planned.Add(mode.Length == 0 ? inherited : inherited with { ReadOnly = mode == "ro", Mode = mode, AnonymousVolume = false });
            }
        }
        // VOLUME of the image and -v /path: anonymous volumes where nothing else is mounted.
        foreach (var target in (config.Volumes?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            var destination = Destination(target, target);
            if (planned.Any(m => m.Destination == destination)) continue;
            var volume = await volumes.CreateAsync(null, null, null, null, cancellationToken).ConfigureAwait(false);
            planned.Add(new ContainerMount
            {
                Type = ContainerMount.Volume, Source = volume.Mountpoint, Destination = destination, Name = volume.Name, AnonymousVolume = true,
            });
        }
        return planned;
    }

    /// <summary><c>-v SRC:DST[:OPTS]</c>: SRC absolute is a bind (made when missing, as dockerd), else a volume name.</summary>
    private async Task<ContainerMount> FromBindAsync(string spec, CancellationToken cancellationToken)
    {
        var parts = spec.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0)
            throw BerthException.Invalid($"invalid volume specification: '{spec}'");
        var destination = Destination(parts[1], spec);
        var mode = parts.Length == 3 ? parts[2] : "";
        var options = mode.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var readOnly = false;
        var propagation = "rprivate";
        var noCopy = false;
        foreach (var option in options)
        {
            switch (option)
            {
                case "ro": readOnly = true; break;
                case "rw": readOnly = false; break;
                case "z" or "Z": break; // SELinux relabelling: no SELinux here
                case "nocopy": noCopy = true; break;
                default:
                    if (!Propagations.Contains(option)) throw BerthException.Invalid($"invalid mode: {mode}");
                    propagation = option;
                    break;
            }
        }
        if (parts[0].StartsWith('/'))
        {
            if (noCopy) throw BerthException.Invalid($"invalid mode: {mode}");
            var source = Path.GetFullPath(parts[0]);
            Directory.CreateDirectory(source);
            return new ContainerMount
            {
                Type = ContainerMount.Bind, Source = source, Destination = destination, ReadOnly = readOnly, Mode = mode, Propagation = propagation,
            };
        }
        var volume = await volumes.CreateAsync(VolumeNames.Validate(parts[0]), null, null, null, cancellationToken).ConfigureAwait(false);
        return new ContainerMount
        {
            Type = ContainerMount.Volume, Source = volume.Mountpoint, Destination = destination, Name = volume.Name, ReadOnly = readOnly,
            Mode = mode, NoCopy = noCopy,
        };
    }

    /// <summary><c>--mount type=…</c> (HostConfig.Mounts): unlike <c>-v</c>, a missing bind source is an error.</summary>
    private async Task<ContainerMount> FromMountAsync(Mount mount, CancellationToken cancellationToken)
    {
        var type = mount.Type ?? "";
        var destination = Destination(mount.Target ?? "", mount.Target ?? "", type);
        switch (type)
        {
            case ContainerMount.Bind:
            {
                if (string.IsNullOrEmpty(mount.Source) || !mount.Source.StartsWith('/'))
                    throw BerthException.Invalid("invalid mount config for type \"bind\": invalid mount path: '" + mount.Source + "' mount path must be absolute");
                if (!Path.Exists(mount.Source))
                    throw BerthException.Invalid($"invalid mount config for type \"bind\": bind source path does not exist: {mount.Source}");
                var propagation = mount.BindOptions?.Propagation is { Length: > 0 } p ? p : "rprivate";
                if (!Propagations.Contains(propagation)) throw BerthException.Invalid($"invalid propagation mode: {propagation}");
                return new ContainerMount
                {
                    Type = type, Source = Path.GetFullPath(mount.Source), Destination = destination, ReadOnly = mount.ReadOnly,
                    Mode = mount.ReadOnly ? "ro" : "", Propagation = propagation,
                };
            }
            case ContainerMount.Volume:
            {
                var anonymous = string.IsNullOrEmpty(mount.Source);
                var volume = await volumes.CreateAsync(anonymous ? null : VolumeNames.Validate(mount.Source!), mount.VolumeOptions?.Labels, null, null,
                    cancellationToken).ConfigureAwait(false);
                return new ContainerMount
                {
                    Type = type, Source = volume.Mountpoint, Destination = destination, Name = volume.Name, ReadOnly = mount.ReadOnly,
                    Mode = mount.ReadOnly ? "ro" : "", NoCopy = mount.VolumeOptions?.NoCopy == true, AnonymousVolume = anonymous,
                };
            }
            case ContainerMount.Tmpfs:
            {
                if (!string.IsNullOrEmpty(mount.Source)) throw BerthException.Invalid("invalid mount config for type \"tmpfs\": source must not be specified");
                var options = new List<string>();
                if (mount.TmpfsOptions?.SizeBytes is > 0 and var size) options.Add($"size={size}");
                if (mount.TmpfsOptions?.Mode is > 0 and var fileMode) options.Add($"mode={Convert.ToString(fileMode, 8)}");
                if (mount.ReadOnly) options.Add("ro");
                return new ContainerMount { Type = type, Source = "", Destination = destination, ReadOnly = mount.ReadOnly, TmpfsOptions = options };
            }
            default:
                throw BerthException.Invalid($"invalid mount config: mount type unknown: \"{type}\"");
        }
    }

    /// <summary>An absolute, clean container path other than <c>/</c>.</summary>
    private static string Destination(string target, string spec, string? type = null)
    {
        if (string.IsNullOrEmpty(target) || !target.StartsWith('/'))
            throw BerthException.Invalid(type is null
                ? $"invalid volume specification: '{spec}': invalid mount config for type \"volume\": invalid mount path: '{target}' mount path must be absolute"
                : $"invalid mount config for type \"{type}\": invalid mount path: '{target}' mount path must be absolute");
        var clean = "/" + string.Join('/', target.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));
        if (clean == "/" || clean.Split('/').Contains(".."))
            throw BerthException.Invalid($"invalid volume specification: '{spec}': destination can't be '/' or contain '..'");
        return clean;
    }
}
