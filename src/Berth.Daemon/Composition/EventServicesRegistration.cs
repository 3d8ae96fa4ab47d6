using Berth.Daemon.Configuration;
using Berth.Engine.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Daemon.Composition;

/// <summary>Registers the event journal (<c>&lt;data-root&gt;/events</c>) as the engine's <see cref="IEventPublisher"/>.</summary>
public static class EventServicesRegistration
{
    public static IServiceCollection AddEventServices(this IServiceCollection services, DaemonOptions options)
    {
        services.AddSingleton(sp => EventJournal.Open(
            Path.Combine(options.DataRoot, "events"), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EventJournal>>()));
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventJournal>());
        return services;
    }
}
