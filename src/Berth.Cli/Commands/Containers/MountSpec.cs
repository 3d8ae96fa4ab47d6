using System.Globalization;
using Berth.Api;

namespace Berth.Cli.Commands.Containers;

/// <summary>
/// Docker's <c>--mount</c> CSV: <c>type=bind|volume|tmpfs</c>, <c>source|src</c>, <c>target|destination|dst</c>,
/// <c>readonly|ro[=true|false]</c>, <c>bind-propagation</c>, <c>volume-nocopy</c>, <c>volume-label=k=v</c>,
/// <c>tmpfs-size</c>, <c>tmpfs-mode</c>. The type defaults to volume, as in docker.
/// </summary>
public static class MountSpec
{
    public static Mount Parse(string spec)
    {
        var mount = new Mount { Type = "volume" };
        foreach (var field in spec.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = field.Split('=', 2);
            var key = parts[0].Trim().ToLowerInvariant();
            var value = parts.Length == 2 ? parts[1] : null;
            switch (key)
            {
                case "type": mount.Type = Required(value, field); break;
                case "source" or "src": mount.Source = Required(value, field); break;
                case "target" or "destination" or "dst": mount.Target = Required(value, field); break;
                case "readonly" or "ro": mount.ReadOnly = Flag(value, field); break;
                case "bind-propagation":
                    (mount.BindOptions ??= new MountBindOptions()).Propagation = Required(value, field);
                    break;
                case "volume-nocopy": (mount.VolumeOptions ??= new MountVolumeOptions()).NoCopy = Flag(value, field); break;
                case "volume-label":
                {
                    var label = Required(value, field).Split('=', 2);
                    ((mount.VolumeOptions ??= new MountVolumeOptions()).Labels ??= [])[label[0]] = label.Length == 2 ? label[1] : "";
                    break;
                }
                case "tmpfs-size":
                    (mount.TmpfsOptions ??= new MountTmpfsOptions()).SizeBytes = ContainerRequestBuilder.Size(Required(value, field), "--mount tmpfs-size");
                    break;
                case "tmpfs-mode":
                    (mount.TmpfsOptions ??= new MountTmpfsOptions()).Mode = Convert.ToInt32(Required(value, field), 8);
                    break;
                case "consistency": break;
                default: throw new CliUsageException($"invalid argument \"{spec}\" for \"--mount\" flag: unexpected key '{key}' in '{field}'");
            }
        }
        if (string.IsNullOrEmpty(mount.Target))
            throw new CliUsageException($"invalid argument \"{spec}\" for \"--mount\" flag: target is required");
        return mount;
    }

    private static string Required(string? value, string field) =>
        value ?? throw new CliUsageException($"invalid field '{field}' must be a key=value pair");

    private static bool Flag(string? value, string field) => value?.ToLower(CultureInfo.InvariantCulture) switch
    {
        null or "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new CliUsageException($"invalid value for {field}"),
    };
}
