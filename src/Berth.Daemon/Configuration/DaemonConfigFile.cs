using System.Text.Json;
using Berth.Core;

namespace Berth.Daemon.Configuration;

/// <summary>
/// The settings read from daemon.json. Keys are dockerd's (<c>data-root</c>, <c>hosts</c>, …); a key berthd
/// does not know is an error, as in dockerd, so a typo never silently falls back to a default.
/// </summary>
public sealed record DaemonConfigFile
{
    public const string DataRootKey = "data-root";
    public const string ExecRootKey = "exec-root";
    public const string HostsKey = "hosts";
    public const string LogLevelKey = "log-level";
    public const string PidFileKey = "pidfile";
    public const string RegistryMirrorsKey = "registry-mirrors";
    public const string InsecureRegistriesKey = "insecure-registries";
    public const string MaxConcurrentDownloadsKey = "max-concurrent-downloads";
    public const string MaxConcurrentUploadsKey = "max-concurrent-uploads";
    public const string BridgeKey = "bridge";
    public const string BipKey = "bip";
    public const string DefaultAddressPoolsKey = "default-address-pools";

    private static readonly HashSet<string> KnownKeys =
    [
        DataRootKey, ExecRootKey, HostsKey, LogLevelKey, PidFileKey, RegistryMirrorsKey, InsecureRegistriesKey,
        MaxConcurrentDownloadsKey, MaxConcurrentUploadsKey, BridgeKey, BipKey, DefaultAddressPoolsKey,
    ];

    public string? DataRoot { get; init; }
    public string? ExecRoot { get; init; }
    public IReadOnlyList<string>? Hosts { get; init; }
    public string? LogLevel { get; init; }
    public string? PidFile { get; init; }
    /// <summary><c>registry-mirrors</c> as a list: mirrors of docker.io (dockerd's form).</summary>
    public IReadOnlyList<string>? RegistryMirrors { get; init; }
    /// <summary><c>registry-mirrors</c> as a map registry → mirrors (berth's extension).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? RegistryMirrorsByRegistry { get; init; }
    public int? MaxConcurrentDownloads { get; init; }
    public int? MaxConcurrentUploads { get; init; }
    public string? Bridge { get; init; }
    public string? Bip { get; init; }
    public IReadOnlyList<Berth.Engine.Networking.AddressPool>? DefaultAddressPools { get; init; }
    public IReadOnlyList<string>? InsecureRegistries { get; init; }

    public static DaemonConfigFile Empty { get; } = new();

    /// <summary>
    /// Reads <paramref name="path"/>. A missing file yields <see cref="Empty"/> unless the user named it
    /// (<paramref name="required"/>), which is an error.
    /// </summary>
    public static DaemonConfigFile Load(string path, bool required)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (required) throw BerthException.Invalid($"unable to configure berthd with file {path}: open {path}: no such file or directory");
            return Empty;
        }
        try
        {
            return Parse(bytes);
        }
        catch (BerthException e)
        {
            throw BerthException.Invalid($"unable to configure berthd with file {path}: {e.Message}");
        }
    }

    /// <summary>Parses daemon.json content. An empty file means no settings, as in dockerd.</summary>
    public static DaemonConfigFile Parse(ReadOnlySpan<byte> json)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty) return Empty;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw BerthException.Invalid($"invalid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw BerthException.Invalid("the configuration must be a JSON object");
            var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !KnownKeys.Contains(n)).ToList();
            if (unknown.Count > 0)
                throw BerthException.Invalid($"the following directives don't match any configuration option: {string.Join(", ", unknown)}");
            return new DaemonConfigFile
            {
                DataRoot = String(root, DataRootKey),
                ExecRoot = String(root, ExecRootKey),
                Hosts = StringList(root, HostsKey),
                LogLevel = String(root, LogLevelKey),
                PidFile = String(root, PidFileKey),
                RegistryMirrors = root.TryGetProperty(RegistryMirrorsKey, out var m) && m.ValueKind == JsonValueKind.Object ? null : StringList(root, RegistryMirrorsKey),
                RegistryMirrorsByRegistry = MirrorMap(root),
                MaxConcurrentDownloads = PositiveInt(root, MaxConcurrentDownloadsKey),
                MaxConcurrentUploads = PositiveInt(root, MaxConcurrentUploadsKey),
                InsecureRegistries = StringList(root, InsecureRegistriesKey),
                Bridge = String(root, BridgeKey),
                Bip = String(root, BipKey),
                DefaultAddressPools = AddressPools(root),
            };
        }
    }

    /// <summary><c>{"default-address-pools": [{"base": "10.10.0.0/16", "size": 24}]}</c>.</summary>
    private static List<Berth.Engine.Networking.AddressPool>? AddressPools(JsonElement root)
    {
        if (!root.TryGetProperty(DefaultAddressPoolsKey, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw BerthException.Invalid($"\"{DefaultAddressPoolsKey}\" must be an array");
        var pools = new List<Berth.Engine.Networking.AddressPool>();
        foreach (var pool in value.EnumerateArray())
        {
            if (pool.ValueKind != JsonValueKind.Object || !pool.TryGetProperty("base", out var b) || b.ValueKind != JsonValueKind.String
                || !pool.TryGetProperty("size", out var s) || !s.TryGetInt32(out var size) || size is < 1 or > 30)
                throw BerthException.Invalid($"\"{DefaultAddressPoolsKey}\" entries need a \"base\" CIDR and a \"size\" of 1 to 30");
            _ = Berth.Engine.Networking.Ipv4Subnet.Parse(b.GetString()!);
            pools.Add(new Berth.Engine.Networking.AddressPool(b.GetString()!, size));
        }
        return pools;
    }

    /// <summary><c>{"registry-mirrors": {"docker.io": ["https://m/"], "127.0.0.1:5000": […]}}</c>.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? MirrorMap(JsonElement root)
    {
        if (!root.TryGetProperty(RegistryMirrorsKey, out var value) || value.ValueKind != JsonValueKind.Object) return null;
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var registry in value.EnumerateObject())
        {
            if (registry.Value.ValueKind != JsonValueKind.Array || registry.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                throw BerthException.Invalid($"\"{RegistryMirrorsKey}\" must map each registry to a list of strings");
            map[registry.Name] = registry.Value.EnumerateArray().Select(v => v.GetString()!).ToList();
        }
        return map;
    }

    private static int? PositiveInt(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 1)
            throw BerthException.Invalid($"\"{key}\" must be a positive integer");
        return number;
    }

    private static string? String(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw BerthException.Invalid($"\"{key}\" must be a string");
        return value.GetString();
    }

    private static List<string>? StringList(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            throw BerthException.Invalid($"\"{key}\" must be a list of strings");
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
