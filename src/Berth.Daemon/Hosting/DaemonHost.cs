using Berth.Daemon.Api;
using Berth.Daemon.Api.Hijack;
using Berth.Daemon.Configuration;
using Berth.Daemon.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Hosting;

/// <summary>
/// A running berthd: Kestrel on the configured unix/tcp sockets serving the Engine API. Program.cs and the
/// tests start it the same way. Stopping only stops the API: containers run under their own shims and keep
/// running.
/// </summary>
public sealed class DaemonHost : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);
    private readonly WebApplication _app;
    private readonly PidFile _pidFile;
    private bool _disposed;

    public DaemonOptions Options { get; }

    public IServiceProvider Services => _app.Services;

    private DaemonHost(WebApplication app, PidFile pidFile, DaemonOptions options)
    {
        _app = app;
        _pidFile = pidFile;
        Options = options;
    }

    public static Task<DaemonHost> StartAsync(DaemonOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, configureServices: null, cancellationToken);

    /// <param name="configureServices">Extra registrations after the engine's own (tests replace services here).</param>
    public static async Task<DaemonHost> StartAsync(DaemonOptions options, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var registries = RegistrySettings.From(options);
        CreateRoots(options);
        var pidFile = PidFile.Acquire(options.PidFile);
        try
        {
            var app = Build(options, registries, configureServices);
            try
            {
                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("berthd");
                logger.Starting(BerthVersion.Version, options.DataRoot, options.ExecRoot, Environment.ProcessId);
                // Open the stores now: recovery runs and broken state fails start-up, not the first request.
                _ = app.Services.GetRequiredService<Berth.Engine.Images.IImageService>();
                foreach (var host in options.Hosts.Where(h => h.IsUnix)) UnixSocketListener.Prepare(host.SocketPath!, logger);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                foreach (var host in options.Hosts)
                {
                    if (host.IsUnix) UnixSocketListener.Restrict(host.SocketPath!);
                    logger.Listening(host.ToString());
                }
                var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
                lifetime.ApplicationStopping.Register(() => logger.Stopping());
                lifetime.ApplicationStopped.Register(() => logger.Stopped());
                logger.Started();
                return new DaemonHost(app, pidFile, options);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            pidFile.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the daemon stops (SIGTERM/SIGINT, or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            using var timeout = new CancellationTokenSource(ShutdownTimeout);
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            foreach (var host in Options.Hosts.Where(h => h.IsUnix)) UnixSocketListener.Remove(host.SocketPath!);
            _pidFile.Dispose();
        }
    }

    private static WebApplication Build(DaemonOptions options, RegistrySettings registries, Action<IServiceCollection>? configureServices)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "berthd",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        ConfigureLogging(builder.Logging, options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // image imports and loads are large
            foreach (var host in options.Hosts)
            {
                if (host.IsUnix) kestrel.ListenUnixSocket(host.SocketPath!, ConfigureListener);
                else kestrel.Listen(host.TcpEndPoint!, ConfigureListener);
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        var host = HostFacts.Read();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new DaemonState(
            options,
            EngineId.LoadOrCreate(options.DataRoot),
            host,
            CgroupFeatures.Detect("/sys/fs/cgroup", host.CgroupVersion),
            registries,
            DateTimeOffset.UtcNow));
        builder.Services.AddBerthEngine(options);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapEngineApi();
        return app;
    }

    /// <summary>HTTP/1.1 only, with hijacked requests (attach) served below the HTTP layer.</summary>
    private static void ConfigureListener(ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http1;
        listen.Use(next => new HijackConnectionMiddleware(next, listen.ApplicationServices).OnConnectedAsync);
    }

    private static void ConfigureLogging(ILoggingBuilder logging, DaemonOptions options)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        logging.SetMinimumLevel(options.LogLevel);
        // The framework's own chatter only at debug.
        logging.AddFilter("Microsoft", options.LogLevel <= LogLevel.Debug ? LogLevel.Information : LogLevel.Warning);
    }

    private static void CreateRoots(DaemonOptions options)
    {
        // dockerd: data root 0711 (others may traverse to container files), exec root 0700.
        Directory.CreateDirectory(options.DataRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(options.ExecRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.GetDirectoryName(options.PidFile)!);
    }
}
