using System.Text.Json;
using Berth.Core.Storage;
using Berth.Runtime.Spec;

namespace Berth.Runtime;

/// <summary>Writes an OCI bundle's config.json crash-safely (runtime-spec bundle.md).</summary>
public static class BundleWriter
{
    public const string ConfigFileName = "config.json";

    public static Task WriteConfigAsync(string bundleDir, Spec.Spec spec, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(bundleDir);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(spec, RuntimeSpecJsonContext.Default.Spec);
        return AtomicFile.WriteAllBytesAsync(Path.Combine(bundleDir, ConfigFileName), bytes, cancellationToken);
    }

    public static Task<Spec.Spec> ReadConfigAsync(string bundleDir, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A few KiB under the exec root (tmpfs): read at once. .NET runs "async" regular-file reads on the thread
        // pool, and those hops were a visible part of every exec's latency (issue #3).
        var json = File.ReadAllBytes(Path.Combine(bundleDir, ConfigFileName));
        return Task.FromResult(JsonSerializer.Deserialize(json, RuntimeSpecJsonContext.Default.Spec)
            ?? throw new InvalidDataException($"{bundleDir}/config.json is empty"));
    }
}
