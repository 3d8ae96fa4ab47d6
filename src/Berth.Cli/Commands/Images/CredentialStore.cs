using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Api;

namespace Berth.Cli.Commands.Images;

/// <summary>
/// Registry credentials in Docker's config.json format (<c>{"auths": {"host:port": {"auth": base64(user:pass)}}}</c>):
/// written to <c>~/.berth/config.json</c> (<c>$BERTH_CONFIG/config.json</c>), read from there and then from
/// <c>~/.docker/config.json</c> (<c>$DOCKER_CONFIG</c>). Other keys of the file are kept as they are.
/// </summary>
public sealed class CredentialStore(CliContext context)
{
    private string Home => context.Environment("HOME") is { Length: > 0 } home ? home : "/root";

    public string BerthConfigPath => Path.Combine(context.Environment("BERTH_CONFIG") is { Length: > 0 } dir ? dir : Path.Combine(Home, ".berth"), "config.json");

    private string DockerConfigPath => Path.Combine(context.Environment("DOCKER_CONFIG") is { Length: > 0 } dir ? dir : Path.Combine(Home, ".docker"), "config.json");

    /// <summary>The stored credentials for a registry domain, or null.</summary>
    public AuthConfig? Find(string domain)
    {
        foreach (var path in (string[])[BerthConfigPath, DockerConfigPath])
        {
            if (Read(path)?["auths"] is not JsonObject auths) continue;
            foreach (var key in Keys(domain))
            {
                if (auths[key] is not JsonObject entry) continue;
                var config = new AuthConfig { ServerAddress = key };
                if (entry["auth"]?.GetValue<string>() is { Length: > 0 } auth)
                {
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
                    var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                    if (colon < 0) continue;
                    config.Username = decoded[..colon];
                    config.Password = decoded[(colon + 1)..];
                }
                if (entry["identitytoken"]?.GetValue<string>() is { Length: > 0 } token) config.IdentityToken = token;
                return config;
            }
        }
        return null;
    }

    /// <summary>The <c>X-Registry-Auth</c> value for an image's registry (base64url JSON AuthConfig), or null.</summary>
    public string? RegistryAuthFor(string image) => Find(RegistryNames.Domain(image)) is { } config ? Encode(config) : null;

    public static string Encode(AuthConfig config)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(config, BerthApiJsonContext.Default.AuthConfig);
        return Convert.ToBase64String(json).Replace('+', '-').Replace('/', '_');
    }

    public void Save(string domain, string username, string password)
    {
        var root = Read(BerthConfigPath) ?? new JsonObject();
        if (root["auths"] is not JsonObject auths) root["auths"] = auths = new JsonObject();
        auths[Key(domain)] = new JsonObject { ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")) };
        Write(BerthConfigPath, root);
    }

    /// <summary>Removes the credentials for a domain; false when there were none.</summary>
    public bool Remove(string domain)
    {
        var root = Read(BerthConfigPath);
        if (root?["auths"] is not JsonObject auths) return false;
        var removed = false;
        foreach (var key in Keys(domain)) removed |= auths.Remove(key);
        if (removed) Write(BerthConfigPath, root);
        return removed;
    }

    private static string Key(string domain) => domain == RegistryNames.DockerHub ? RegistryNames.DockerHubAuthKey : domain;

    private static IEnumerable<string> Keys(string domain) => domain == RegistryNames.DockerHub
        ? [RegistryNames.DockerHubAuthKey, "docker.io", "index.docker.io", "https://index.docker.io/v1"]
        : [domain, $"https://{domain}", $"http://{domain}", $"https://{domain}/", $"http://{domain}/"];

    private static JsonObject? Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"loading config file {path}: {e.Message}", e);
        }
    }

    /// <summary>Writes the file privately (0600) via a temporary file and a rename.</summary>
    private static void Write(string path, JsonObject root)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("berth stores credentials on Unix only");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, new FileStreamOptions
               {
                   Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
               }))
        using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            root.WriteTo(writer);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
