using Berth.Api;
using Berth.Core.Oci;
using Berth.Engine.Health;

namespace Berth.Engine.Containers;

/// <summary>
/// Fills a container's config from its image the way dockerd does at create: user settings win, the image
/// supplies what the user left empty; Env is the user's list plus image entries whose keys the user did not set.
/// </summary>
public static class ContainerImageDefaults
{
    public static void Apply(ContainerConfig config, ImageExecutionConfig? image)
    {
        if (image is null) return;
        if (string.IsNullOrEmpty(config.User)) config.User = image.User;
        if (string.IsNullOrEmpty(config.WorkingDir)) config.WorkingDir = image.WorkingDir;
        if (string.IsNullOrEmpty(config.StopSignal)) config.StopSignal = image.StopSignal;
        config.Env = MergeEnv(config.Env, image.Env);
        config.Healthcheck = HealthcheckDefaults.Merge(config.Healthcheck, image.Healthcheck);

        // dockerd: a non-empty user entrypoint (even [""], which clears it) keeps the image's CMD out;
        // otherwise an empty CMD takes the image's and a null entrypoint the image's.
        if (config.Entrypoint is not { Count: > 0 })
        {
            if (config.Cmd is not { Count: > 0 }) config.Cmd = image.Cmd is null ? null : [.. image.Cmd];
            config.Entrypoint ??= image.Entrypoint is null ? null : [.. image.Entrypoint];
        }
        if (config.Entrypoint is [""]) config.Entrypoint = [];

        if (image.Labels is { Count: > 0 })
        {
            var labels = new Dictionary<string, string>(image.Labels);
            foreach (var (k, v) in config.Labels ?? []) labels[k] = v;
            config.Labels = labels;
        }
        if (image.ExposedPorts is { Count: > 0 })
        {
            config.ExposedPorts ??= [];
            foreach (var port in image.ExposedPorts.Keys) config.ExposedPorts.TryAdd(port, new());
        }
        if (image.Volumes is { Count: > 0 })
        {
            config.Volumes ??= [];
            foreach (var volume in image.Volumes.Keys) config.Volumes.TryAdd(volume, new());
        }
    }

    public static List<string> MergeEnv(List<string>? user, List<string>? image)
    {
        var merged = user is null ? new List<string>() : [.. user];
        var keys = merged.Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in image ?? [])
            if (keys.Add(Key(entry))) merged.Add(entry);
        return merged;
    }

    private static string Key(string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? entry : entry[..eq];
    }
}
