using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Berth.Testing;

/// <summary>
/// Debian's reference registry (<c>/usr/bin/docker-registry</c>, package docker-registry) on a free loopback
/// port with its storage in a temp directory, optionally behind htpasswd (bcrypt) basic auth. Ready once
/// <c>GET /v2/</c> answers; disposing kills it and deletes its storage.
/// </summary>
public sealed class DockerRegistryProcess : IAsyncDisposable
{
    public const string Program = "/usr/bin/docker-registry";
    private readonly TempDir _dir = new("reg-");
    private Process? _process;

    private DockerRegistryProcess() { }

    public int Port { get; private set; }

    /// <summary><c>127.0.0.1:PORT</c>, the registry part of image names.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public static async Task<DockerRegistryProcess> StartAsync(string? user = null, string? password = null)
    {
        var registry = new DockerRegistryProcess();
        try
        {
            await registry.StartInternalAsync(user, password);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    private async Task StartInternalAsync(string? user, string? password)
    {
        if (!File.Exists(Program)) throw new InvalidOperationException($"{Program} is missing: apt-get install docker-registry");
        Port = FreePort();
        var auth = "";
        if (user is not null)
        {
            var (code, line) = ProcessRunner.Run("htpasswd", ["-Bbn", user, password ?? ""]);
            if (code != 0) throw new InvalidOperationException("htpasswd failed (apt-get install apache2-utils)");
            await File.WriteAllTextAsync(_dir.Combine("htpasswd"), line.Trim() + "\n");
            auth = $"auth:\n  htpasswd:\n    realm: berth-test\n    path: {_dir.Combine("htpasswd")}\n";
        }
        var config = _dir.Combine("config.yml");
        await File.WriteAllTextAsync(config,
            $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {_dir.CreateDirectory("data")}\n  delete:\n    enabled: true\n" +
            $"http:\n  addr: 127.0.0.1:{Port}\n" + auth);
        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}");
            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/");
                return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), "docker-registry answering /v2/");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _dir.Dispose();
    }
}
