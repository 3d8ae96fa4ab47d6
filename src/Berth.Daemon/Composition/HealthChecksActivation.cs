using Berth.Engine.Containers;
using Berth.Engine.Exec;
using Berth.Engine.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Composition;

/// <summary>
/// Connects the health monitor to the container service. Registered before <see cref="ContainerRestore"/> so
/// live restore already starts the probes of running containers. The monitor is built here, not injected into
/// the container service, because it probes through the exec service, which itself needs the container service.
/// </summary>
public sealed class HealthChecksActivation(ContainerService containers, ICapturedExec exec, TimeProvider time, ILoggerFactory loggers) : IHostedService
{
    private HealthMonitor? _monitor;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _monitor = new HealthMonitor(exec, containers, time, loggers.CreateLogger<HealthMonitor>());
        containers.UseHealthMonitor(_monitor);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_monitor is not null) await _monitor.DisposeAsync().ConfigureAwait(false);
    }

    public static void Register(IServiceCollection services) => services.AddHostedService<HealthChecksActivation>();
}
