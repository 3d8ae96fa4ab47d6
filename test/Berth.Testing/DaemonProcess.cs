using System.Diagnostics;
using System.Net;

namespace Berth.Testing;

/// <summary>
/// A berthd of its own for one test (class): a socket, data root (<c>d</c>) and exec root (<c>x</c>) under a short
/// /tmp directory (unix socket paths, including the shims' below the exec root, must fit in 108 bytes),
/// an empty daemon.json, its output in <see cref="LogPath"/>. Ready once <c>GET /_ping</c> answers 200.
/// Dispose stops it (SIGTERM, then SIGKILL), kills the berth-shims under its exec root, deletes runc's leftovers,
/// unmounts everything below its roots and deletes them. <see cref="KillHard"/> and <see cref="RestartAsync"/>
/// serve live-restore tests: containers keep running across both.
/// </summary>
public sealed partial class DaemonProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A conservative bound on the unix socket paths the daemon makes under its exec root: a shim socket in a
    /// per-container directory named by the full 64-hex id (berthd itself now uses the shorter
    /// <c>s/&lt;id[:16]&gt;/shim.sock</c>). sun_path holds 108 bytes with the NUL, which is why the roots live in
    /// /tmp/bXXXXXX with one-letter names.
    /// </summary>
    public string LongestShimSocketPath => $"{ExecRoot}/containers/{new string('0', 64)}/state/shim.sock";
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly TempDir _root;
    private readonly IReadOnlyList<string> _extraArguments;
    private Process? _process;

    private DaemonProcess(TempDir root, IReadOnlyList<string> extraArguments)
    {
        _root = root;
        _extraArguments = extraArguments;
        SocketPath = root.Combine("s.sock");
        DataRoot = root.CreateDirectory("d");
        ExecRoot = root.Combine("x");
        PidFile = root.Combine("berthd.pid");
        ConfigFile = root.Combine("daemon.json");
        LogPath = root.Combine("berthd.log");
        // Each test daemon gets its own default bridge and subnet, so daemons running side by side never share
        // an address space (DisposeAsync deletes the bridge and its rules).
        BridgeName = "bt" + Path.GetFileName(root.Path)[^6..].ToLowerInvariant().Replace('-', '0');
        BridgeIp = $"10.{200 + Random.Shared.Next(50)}.{Random.Shared.Next(256)}.1/24";
    }

    /// <summary>This daemon's default bridge interface (<c>--bridge</c>) and its gateway/prefix (<c>--bip</c>).</summary>
    public string BridgeName { get; }
    public string BridgeIp { get; }

    /// <summary>The directory holding everything this daemon owns.</summary>
    public string RootDir => _root.Path;
    public string SocketPath { get; }
    /// <summary><c>unix://</c> address of <see cref="SocketPath"/>, for BERTH_HOST / DOCKER_HOST / -H.</summary>
    public string Host => "unix://" + SocketPath;
    public string DataRoot { get; }
    public string ExecRoot { get; }
    public string PidFile { get; }
    public string ConfigFile { get; }
    /// <summary>berthd's stdout and stderr (appended across restarts).</summary>
    public string LogPath { get; }

    /// <summary>PID of the running berthd (of the last start).</summary>
    public int Pid => _process?.Id ?? throw new InvalidOperationException("berthd is not started");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts berthd and waits until it answers <c>/_ping</c>.</summary>
    /// <param name="configJson">Contents of its daemon.json (default <c>{}</c>).</param>
    /// <param name="extraArguments">More berthd flags (e.g. <c>--log-level debug</c>).</param>
    public static async Task<DaemonProcess> StartAsync(string configJson = "{}", IEnumerable<string>? extraArguments = null,
        CancellationToken cancellationToken = default)
    {
        var daemon = new DaemonProcess(new TempDir("b", randomChars: 6), extraArguments?.ToList() ?? []);
        try
        {
            await File.WriteAllTextAsync(daemon.ConfigFile, configJson, cancellationToken);
            await daemon.LaunchAsync(cancellationToken);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }

    /// <summary>A CLI runner aimed at this daemon (BERTH_HOST and DOCKER_HOST set, docker config isolated).</summary>
    public CliRunner Cli() => new(new Dictionary<string, string?>
    {
        ["BERTH_HOST"] = Host,
        ["DOCKER_HOST"] = Host,
        ["DOCKER_CONFIG"] = _root.CreateDirectory("docker-config"),
        ["DOCKER_CONTEXT"] = null,
        ["DOCKER_CLI_HINTS"] = "false",
    });

    /// <summary>An HttpClient talking to this daemon's socket (base address http://localhost/).</summary>
    public HttpClient CreateHttpClient(TimeSpan? timeout = null) => UnixHttp.CreateClient(SocketPath, timeout);

    /// <summary>berthd's output so far (for assertion messages).</summary>
    public string ReadLog() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    /// <summary>SIGKILLs berthd alone, as a crash would; its shims and containers keep running.</summary>
    public void KillHard()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Stops berthd (SIGTERM, SIGKILL after <see cref="StopTimeout"/>) if it runs; containers keep running.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is null || _process.HasExited) return;
        ProcessRunner.RunQuiet("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillHard();
        }
    }

    /// <summary>Stops berthd if it still runs, then starts it again on the same socket and roots.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await LaunchAsync(cancellationToken);
    }

    /// <summary>Whether <c>GET /_ping</c> answers 200 now.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(SocketPath)) return false;
        try
        {
            using var client = CreateHttpClient(TimeSpan.FromSeconds(5));
            using var response = await client.GetAsync("_ping", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private IEnumerable<string> Arguments() =>
    [
        "--host", Host,
        "--data-root", DataRoot,
        "--exec-root", ExecRoot,
        "--pidfile", PidFile,
        "--config-file", ConfigFile,
        "--bridge", BridgeName,
        "--bip", BridgeIp,
        .. _extraArguments,
    ];

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var daemon = BuiltBinaries.Daemon;
        // sh redirects berthd's output to the log and then execs it, so the PID is berthd's and no pipe is left
        // open (shims inherit nothing from the test host and WaitForExit never waits on a pipe).
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" </dev/null >>\"$BERTH_TEST_DAEMON_LOG\" 2>&1");
        start.ArgumentList.Add(daemon);
        foreach (var argument in Arguments()) start.ArgumentList.Add(argument);
        start.Environment["BERTH_TEST_DAEMON_LOG"] = LogPath;
        // A daemon without a shim still serves the image and system APIs; berthd reports the missing shim when a
        // container starts.
        if (BuiltBinaries.TryFind(BuiltBinaries.ShimVariable, "berth-shim", "Berth.Shim") is { } shim)
            start.Environment["BERTH_SHIM"] = shim;
        start.Environment.Remove("BERTH_HOST");
        start.Environment.Remove("DOCKER_HOST");

        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {daemon}");
        var process = _process;
        try
        {
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException(
                        $"berthd exited with {process.ExitCode} before answering /_ping; its log:\n{ReadLog()}");
                return await PingAsync(cancellationToken);
            }, StartTimeout, "berthd to answer /_ping", cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; berthd log:\n{ReadLog()}", e);
        }
    }
}
